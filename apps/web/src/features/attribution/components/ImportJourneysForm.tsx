import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.js';
import { Card } from '../../../components/ui/Card.js';
import { Alert, ErrorAlert } from '../../../components/ui/States.js';
import { useMeQuery } from '../../../gql/hooks.js';
import { formatCredit, formatDateTime, formatQuantity } from '../../../lib/format.js';
import { duplicateImportOf } from '../duplicate-import.js';
import { useJourneyImport } from '../hooks/useJourneyImport.js';
import { ImportsList } from './ImportsList.js';

/** Deleting journeys is for owners and admins, as the API enforces. */
const MANAGING_ROLES = new Set(['OWNER', 'ADMIN']);

export function ImportJourneysForm() {
  const [file, setFile] = useState<File | null>(null);
  const { state, importFile, reset } = useJourneyImport();
  const me = useMeQuery({ fetchPolicy: 'cache-first' });
  const canDelete = MANAGING_ROLES.has(me.data?.me?.role ?? '');
  const duplicate = state.status === 'failed' ? duplicateImportOf(state.error) : null;

  function choose(event: ChangeEvent<HTMLInputElement>) {
    reset();
    setFile(event.target.files?.[0] ?? null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (file) await importFile(file);
  }

  return (
    <Card
      title="Import journeys"
      subtitle="Upload a CSV of aggregated paths or timestamped journeys, up to 100,000 journeys per file."
    >
      <form className="form" onSubmit={submit}>
        {duplicate && file ? (
          <div className="alert alert--error stack" role="alert">
            <span>
              This file was already imported as “{duplicate.fileName}” on {formatDateTime(duplicate.importedAt)}.
              Nothing was stored, so its journeys are not counted twice.
            </span>
            <div className="row">
              <Button size="sm" variant="danger" onClick={() => void importFile(file, true)}>
                Replace the earlier import
              </Button>
              <Button size="sm" variant="ghost" onClick={reset}>
                Keep the earlier import
              </Button>
            </div>
          </div>
        ) : (
          state.status === 'failed' && <ErrorAlert error={state.error} />
        )}
        {state.status === 'done' && (
          <Alert tone="success">
            {state.summary.replacedImportId ? 'Replaced the earlier import: imported ' : 'Imported '}
            {formatQuantity(
              state.summary.journeys,
              state.summary.format === 'PATH_ROWS' ? 'path row' : 'journey',
            )} with {formatQuantity(state.summary.touches, 'touch', 'touches')}:{' '}
            {formatCredit(state.summary.conversions)} conversions worth {formatCredit(state.summary.value)}.
          </Alert>
        )}
        <div className="row">
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label="Journeys CSV file"
            onChange={choose}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button type="submit" variant="secondary" busy={state.status === 'busy'} disabled={!file}>
            Upload
          </Button>
        </div>
        <p className="field__hint">
          All or nothing: a bad row rejects the file with its line number and nothing is stored. The same file twice is
          refused, so nothing is counted twice.
        </p>
      </form>
      <ImportsList canDelete={canDelete} />
    </Card>
  );
}
