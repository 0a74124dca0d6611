import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.js';
import { Card } from '../../../components/ui/Card.js';
import { Field } from '../../../components/ui/Field.js';
import { Alert, ErrorAlert } from '../../../components/ui/States.js';
import {
  AttributionReportsDocument,
  UsageDocument,
  type AttributionModel,
  type AttributionReportFieldsFragment,
} from '../../../gql/graphql.js';
import { useRunAttributionMutation } from '../../../gql/hooks.js';
import type { ModelAvailability } from '../model-catalog.js';
import { ModelPicker } from './ModelPicker.js';

interface RunAttributionFormProps {
  models: readonly ModelAvailability[];
  maxLookbackDays: number;
  onReport: (report: AttributionReportFieldsFragment) => void;
}

/** A day picked in the form covers that whole UTC day. */
function dayStart(day: string): string | null {
  return day ? `${day}T00:00:00.000Z` : null;
}

function dayEnd(day: string): string | null {
  return day ? `${day}T23:59:59.999Z` : null;
}

export function RunAttributionForm({ models, maxLookbackDays, onReport }: RunAttributionFormProps) {
  const [selected, setSelected] = useState<AttributionModel[]>(() =>
    models.filter((m) => m.allowed).map((m) => m.model),
  );
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [lookbackDays, setLookbackDays] = useState(String(maxLookbackDays));
  const [run, { loading, error }] = useRunAttributionMutation({
    refetchQueries: [UsageDocument, AttributionReportsDocument],
  });
  const nothingSelected = selected.length === 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await run({
      variables: {
        input: { models: selected, from: dayStart(from), to: dayEnd(to), lookbackDays: Number(lookbackDays) },
      },
    }).catch(() => null);
    if (result?.data) onReport(result.data.runAttribution);
  }

  return (
    <Card
      title="Run attribution"
      aria-label="Run attribution"
      subtitle="A report over your stored journeys for the chosen models and window (1 run)."
    >
      <form className="form" onSubmit={submit}>
        {error && <ErrorAlert error={error} />}
        <ModelPicker models={models} selected={selected} onChange={setSelected} />
        <div className="grid grid--3">
          <Field
            label="From"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            hint="Conversions from this day (UTC)"
          />
          <Field
            label="To"
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            hint="Up to and including this day"
          />
          <Field
            label="Lookback (days)"
            type="number"
            min={1}
            max={maxLookbackDays}
            required
            value={lookbackDays}
            onChange={(e) => setLookbackDays(e.target.value)}
            hint={`Your plan allows up to ${maxLookbackDays} days`}
          />
        </div>
        {nothingSelected && <Alert tone="info">Choose at least one model.</Alert>}
        <div className="row row--end">
          <Button type="submit" busy={loading} disabled={nothingSelected}>
            Run attribution
          </Button>
        </div>
      </form>
    </Card>
  );
}
