import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { ImportUploadError } from './api/import-upload.js';
import { duplicateImportOf } from './duplicate-import.js';

const DETAILS = { importId: 'i-1', fileName: 'paths.csv', importedAt: '2026-03-15T12:00:00.000Z' };
const EXTENSIONS = { code: 'CONFLICT', reason: 'DUPLICATE_IMPORT', ...DETAILS };

describe('duplicateImportOf', () => {
  it('reads the earlier import from a GraphQL refusal', () => {
    const error = new CombinedGraphQLErrors({ errors: [{ message: 'Already imported', extensions: EXTENSIONS }] });
    expect(duplicateImportOf(error)).toEqual(DETAILS);
  });

  it('reads it from the REST upload’s error', () => {
    expect(duplicateImportOf(new ImportUploadError(409, { message: 'Already imported', ...EXTENSIONS }))).toEqual(
      DETAILS,
    );
  });

  it('is null for any other failure', () => {
    expect(duplicateImportOf(new ImportUploadError(400, { code: 'BAD_USER_INPUT', reason: 'CSV_FORMAT' }))).toBeNull();
    expect(duplicateImportOf(new Error('offline'))).toBeNull();
    expect(duplicateImportOf(null)).toBeNull();
  });
});
