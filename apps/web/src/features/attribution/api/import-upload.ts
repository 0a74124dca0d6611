// Streams a large CSV to the API's REST import (POST /imports/journeys): a GraphQL body is capped
// at 8 MB, while this route reads the file line by line.
import type { ImportJourneysMutation } from '../../../gql/graphql.js';
import type { ApiErrorLike } from '../../../lib/graphql-errors.js';

/** The same shape whether the import went through GraphQL or REST. */
export type ImportSummary = Omit<ImportJourneysMutation['importJourneys'], 'nulls'>;

/** What a REST error body carries: the message and the fields GraphQL puts in `extensions`. */
interface RestErrorFields extends Readonly<Record<string, unknown>> {
  readonly message?: string;
}

/** A failed upload, readable as a GraphQL error is: the same message, `extensions` with the same fields. */
export class ImportUploadError extends Error implements ApiErrorLike {
  readonly code: string;
  readonly reason: string | undefined;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(status: number, fields: RestErrorFields = {}) {
    const { message, ...extensions } = fields;
    super(typeof message === 'string' ? message : `The upload failed (HTTP ${status}).`);
    this.name = 'ImportUploadError';
    this.code = typeof extensions['code'] === 'string' ? extensions['code'] : 'UPLOAD_FAILED';
    this.reason = typeof extensions['reason'] === 'string' ? extensions['reason'] : undefined;
    this.field = typeof extensions['field'] === 'string' ? extensions['field'] : undefined;
    this.line = typeof extensions['line'] === 'number' ? extensions['line'] : undefined;
    this.extensions = { ...extensions, code: this.code };
  }
}

/** `replace`: the same file was imported before; the API swaps that import for this one. */
export async function uploadJourneysCsv(file: Blob, fileName: string, replace = false): Promise<ImportSummary> {
  const query = new URLSearchParams({ fileName, ...(replace ? { replace: 'true' } : {}) });
  const response = await fetch(`/imports/journeys?${query.toString()}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'text/csv' },
    body: file,
  });
  const body = (await response.json().catch(() => null)) as { import?: ImportSummary; error?: RestErrorFields } | null;
  if (!response.ok || !body?.import) throw new ImportUploadError(response.status, body?.error);
  return body.import;
}
