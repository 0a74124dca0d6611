import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.js';
import { Card } from '../../../components/ui/Card.js';
import { Alert, ErrorAlert } from '../../../components/ui/States.js';
import { useImportJourneysMutation } from '../../../gql/hooks.js';
import { formatCount, formatCredit } from '../../../lib/format.js';

export function ImportJourneysForm() {
  const [file, setFile] = useState<File | null>(null);
  const [importJourneys, { data, loading, error, reset }] = useImportJourneysMutation();

  function choose(event: ChangeEvent<HTMLInputElement>) {
    reset();
    setFile(event.target.files?.[0] ?? null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    await importJourneys({ variables: { csv: await file.text() } }).catch(() => null);
  }

  return (
    <Card title="Import journeys" subtitle="Upload a CSV (ChannelAttribution paths or timestamped journeys), up to 100,000 journeys per file.">
      <form className="form" onSubmit={submit}>
        {error && <ErrorAlert error={error} />}
        {data && (
          <Alert tone="success">
            Imported {formatCount(data.importJourneys.journeys)} {data.importJourneys.format === 'PATH_ROWS' ? 'path rows' : 'journeys'} with{' '}
            {formatCount(data.importJourneys.touches)} touches: {formatCredit(data.importJourneys.conversions)} conversions worth{' '}
            {formatCredit(data.importJourneys.value)}.
          </Alert>
        )}
        <div className="row">
          <input type="file" accept=".csv,text/csv" aria-label="Journeys CSV file" onChange={choose} style={{ flex: 1 }} />
          <Button type="submit" variant="secondary" busy={loading} disabled={!file}>
            Upload
          </Button>
        </div>
        <p className="field__hint">A bad row rejects the whole file with its line number; nothing is stored then.</p>
      </form>
    </Card>
  );
}
