import { afterEach, describe, expect, it, vi } from 'vitest';
import { userMessageOf } from '../../../lib/graphql-errors.js';
import { ImportUploadError, uploadJourneysCsv } from './import-upload.js';

// The bodies below are what POST /imports/journeys answers (attribution.test.ts asserts them on the API side).
function answer(status: number, body: unknown): void {
  vi.stubGlobal(
    'fetch',
    async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('uploadJourneysCsv', () => {
  it('returns the summary as GraphQL shapes it, format by its enum name', async () => {
    answer(200, {
      import: { format: 'PATH_ROWS', journeys: 3, touches: 0, conversions: 12, value: 1450.5, nulls: 40 },
    });
    await expect(uploadJourneysCsv(new Blob(['path;total_conversions\n']))).resolves.toMatchObject({
      format: 'PATH_ROWS',
      journeys: 3,
    });
  });

  it('reads code, reason, field and line from the error body, as GraphQL puts them in extensions', async () => {
    const message = 'Line 3: touch after conversion. Nothing was imported.';
    answer(400, { error: { message, code: 'BAD_USER_INPUT', reason: 'INVALID_JOURNEY', field: 'csv', line: 3 } });
    const error = await uploadJourneysCsv(new Blob(['x'])).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportUploadError);
    expect(error).toMatchObject({ message, code: 'BAD_USER_INPUT', reason: 'INVALID_JOURNEY', field: 'csv', line: 3 });
    expect((error as ImportUploadError).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_JOURNEY',
      field: 'csv',
      line: 3,
    });
    expect(userMessageOf(error)).toBe(message);
  });

  it('names the HTTP status when the body is not the API’s', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await uploadJourneysCsv(new Blob(['x'])).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      message: 'The upload failed (HTTP 502).',
      code: 'UPLOAD_FAILED',
      extensions: { code: 'UPLOAD_FAILED' },
    });
  });
});
