// Streams a large CSV to the API's REST import (POST /imports/journeys): a GraphQL body is capped
// at 8 MB, while this route reads the file line by line.

export interface ImportSummary {
  readonly format: 'PATH_ROWS' | 'JOURNEYS';
  readonly journeys: number;
  readonly touches: number;
  readonly conversions: number;
  readonly value: number;
}

export class ImportUploadError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ImportUploadError';
  }
}

interface RestSummary {
  format: string;
  journeys: number;
  touches: number;
  conversions: number;
  value: number;
}

export async function uploadJourneysCsv(file: Blob): Promise<ImportSummary> {
  const response = await fetch('/imports/journeys', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'text/csv' },
    body: file,
  });
  const body = (await response.json().catch(() => null)) as { import?: RestSummary; error?: { code?: string; message?: string } } | null;
  if (!response.ok || !body?.import) {
    throw new ImportUploadError(body?.error?.message ?? `The upload failed (HTTP ${response.status}).`, body?.error?.code ?? 'UPLOAD_FAILED');
  }
  const summary = body.import;
  // The REST route names formats as the engine does ("path-rows"); GraphQL as its enum.
  return { ...summary, format: /path/i.test(summary.format) ? 'PATH_ROWS' : 'JOURNEYS' };
}
