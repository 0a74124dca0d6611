import { useState } from 'react';
import { JourneyImportsDocument, UsageDocument } from '../../../gql/graphql.js';
import { useImportJourneysMutation } from '../../../gql/hooks.js';
import { uploadJourneysCsv, type ImportSummary } from '../api/import-upload.js';

/** Below the API's 8 MB GraphQL body limit, with room for the JSON envelope and escaping. */
const GRAPHQL_UPLOAD_BYTES = 6 * 1024 * 1024;

type ImportState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; summary: ImportSummary }
  | { status: 'failed'; error: unknown };

/** Imports a CSV through GraphQL when it is small, through the streaming REST route when it is not. */
export function useJourneyImport() {
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const [importJourneys] = useImportJourneysMutation({ refetchQueries: [UsageDocument, JourneyImportsDocument] });

  /** `replace`: swap the earlier import of the same file for this one (after a DUPLICATE_IMPORT refusal). */
  async function importFile(file: File, replace = false) {
    setState({ status: 'busy' });
    try {
      const summary =
        file.size <= GRAPHQL_UPLOAD_BYTES
          ? (await importJourneys({ variables: { csv: await file.text(), fileName: file.name, replace } })).data
              ?.importJourneys
          : await uploadJourneysCsv(file, file.name, replace);
      if (!summary) throw new Error('The import returned no summary.');
      setState({ status: 'done', summary });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }

  return { state, importFile, reset: () => setState({ status: 'idle' }) };
}
