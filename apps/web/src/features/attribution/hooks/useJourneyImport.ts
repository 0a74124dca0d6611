import { useState } from 'react';
import { UsageDocument } from '../../../gql/graphql.js';
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
  const [importJourneys] = useImportJourneysMutation({ refetchQueries: [UsageDocument] });

  async function importFile(file: File) {
    setState({ status: 'busy' });
    try {
      const summary =
        file.size <= GRAPHQL_UPLOAD_BYTES
          ? (await importJourneys({ variables: { csv: await file.text() } })).data?.importJourneys
          : await uploadJourneysCsv(file);
      if (!summary) throw new Error('The import returned no summary.');
      setState({ status: 'done', summary });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }

  return { state, importFile, reset: () => setState({ status: 'idle' }) };
}
