import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.js';
import { Card } from '../../../components/ui/Card.js';
import { Alert, ErrorAlert } from '../../../components/ui/States.js';
import { formatCredit, formatQuantity } from '../../../lib/format.js';
import { useJourneyImport } from '../hooks/useJourneyImport.js';

export function ImportJourneysForm() {
  const [file, setFile] = useState<File | null>(null);
  const { state, importFile, reset } = useJourneyImport();

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
        {state.status === 'failed' && <ErrorAlert error={state.error} />}
        {state.status === 'done' && (
          <Alert tone="success">
            Imported{' '}
            {formatQuantity(state.summary.journeys, state.summary.format === 'PATH_ROWS' ? 'path row' : 'journey')} with{' '}
            {formatQuantity(state.summary.touches, 'touch', 'touches')}: {formatCredit(state.summary.conversions)}{' '}
            conversions worth {formatCredit(state.summary.value)}.
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
          All or nothing: a bad row rejects the file with its line number and nothing is stored.
        </p>
      </form>
    </Card>
  );
}
