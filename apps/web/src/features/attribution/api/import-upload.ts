// Streams a large CSV to the API's REST import (POST /imports/journeys): a GraphQL body is capped
// at 8 MB, while this route reads the file line by line.
import type { ImportJourneysMutation } from '../../../gql/graphql.js';
import type { ApiErrorLike } from '../../../lib/graphql-errors.js';

/** The same shape whether the import went through GraphQL or REST. */
export type ImportSummary = Omit<ImportJourneysMutation['importJourneys'], 'nulls'>;

/** What a REST error body carries: the message and the fields GraphQL puts in `extensions`. */
interface RestErrorFields {
  readonly message?: string;
  readonly code?: string;
  readonly reason?: string;
  readonly field?: string;
  readonly line?: number;
}

/** A failed upload, readable as a GraphQL error is: the same message, `extensions` with the same fields. */
export class ImportUploadError extends Error implements ApiErrorLike {
  readonly code: string;
  readonly reason: string | undefined;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(status: number, fields: RestErrorFields = {}) {
    super(fields.message ?? `The upload failed (HTTP ${status}).`);
    this.name = 'ImportUploadError';
    this.code = fields.code ?? 'UPLOAD_FAILED';
    this.reason = fields.reason;
    this.field = fields.field;
    this.line = fields.line;
    const extensions = { code: this.code, reason: this.reason, field: this.field, line: this.line };
    this.extensions = Object.fromEntries(Object.entries(extensions).filter(([, value]) => value !== undefined));
  }
}

export async function uploadJourneysCsv(file: Blob): Promise<ImportSummary> {
  const response = await fetch('/imports/journeys', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'text/csv' },
    body: file,
  });
  const body = (await response.json().catch(() => null)) as { import?: ImportSummary; error?: RestErrorFields } | null;
  if (!response.ok || !body?.import) throw new ImportUploadError(response.status, body?.error);
  return body.import;
}
