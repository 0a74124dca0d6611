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
    await expect(uploadJourneysCsv(new Blob(['path;total_conversions\n']), 'paths.csv')).resolves.toMatchObject({
      format: 'PATH_ROWS',
      journeys: 3,
    });
  });

  it('reads code, reason, field and line from the error body, as GraphQL puts them in extensions', async () => {
    const message = 'Line 3: touch after conversion. Nothing was imported.';
    answer(400, { error: { message, code: 'BAD_USER_INPUT', reason: 'INVALID_JOURNEY', field: 'csv', line: 3 } });
    const error = await uploadJourneysCsv(new Blob(['x']), 'x.csv').catch((caught: unknown) => caught);
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

  it('keeps the details a refusal names, such as the earlier import of a duplicate', async () => {
    const error = { message: 'Already imported', code: 'CONFLICT', reason: 'DUPLICATE_IMPORT', importId: 'i-1' };
    answer(409, { error });
    const caught = await uploadJourneysCsv(new Blob(['x']), 'x.csv').catch((failure: unknown) => failure);
    expect((caught as ImportUploadError).extensions).toEqual({
      code: 'CONFLICT',
      reason: 'DUPLICATE_IMPORT',
      importId: 'i-1',
    });
  });

  it('sends the file name, and replace only when asked', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ import: { format: 'JOURNEYS' } }), { status: 200 });
    });
    await uploadJourneysCsv(new Blob(['x']), 'a b.csv');
    await uploadJourneysCsv(new Blob(['x']), 'a b.csv', true);
    expect(urls).toEqual(['/imports/journeys?fileName=a+b.csv', '/imports/journeys?fileName=a+b.csv&replace=true']);
  });

  it('names the HTTP status when the body is not the API’s', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await uploadJourneysCsv(new Blob(['x']), 'x.csv').catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      message: 'The upload failed (HTTP 502).',
      code: 'UPLOAD_FAILED',
      extensions: { code: 'UPLOAD_FAILED' },
    });
  });
});
