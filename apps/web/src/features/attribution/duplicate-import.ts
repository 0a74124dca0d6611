// Reads a DUPLICATE_IMPORT refusal from either transport's error. Pure: unit-tested.

export interface DuplicateImport {
  readonly importId: string;
  readonly fileName: string;
  readonly importedAt: string;
}

/** The errors an Apollo mutation failed with, or the REST upload's single error. */
function extensionsOf(error: unknown): ReadonlyArray<Readonly<Record<string, unknown>>> {
  if (!error || typeof error !== 'object') return [];
  const graphQLErrors = (error as { errors?: unknown }).errors;
  const errors = Array.isArray(graphQLErrors) ? graphQLErrors : [error];
  return errors.flatMap((each: unknown) => {
    const extensions = (each as { extensions?: unknown } | null)?.extensions;
    return extensions && typeof extensions === 'object' ? [extensions as Record<string, unknown>] : [];
  });
}

/** The earlier import the API named, when the file was refused as one already imported. */
export function duplicateImportOf(error: unknown): DuplicateImport | null {
  const found = extensionsOf(error).find((extensions) => extensions['reason'] === 'DUPLICATE_IMPORT');
  if (!found) return null;
  const { importId, fileName, importedAt } = found;
  if (typeof importId !== 'string' || typeof fileName !== 'string' || typeof importedAt !== 'string') return null;
  return { importId, fileName, importedAt };
}
