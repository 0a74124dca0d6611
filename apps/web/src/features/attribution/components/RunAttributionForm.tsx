import { useEffect, useState, type FormEvent } from 'react';
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
import { useAttributionWindowQuery, useRunAttributionMutation, useUsageQuery } from '../../../gql/hooks.js';
import { upgradePrompt } from '../../../lib/upgrade-prompt.js';
import { KpiTiles } from '../comparison/KpiTiles.js';
import { DATE_PRESETS, presetWindow } from '../date-presets.js';
import { MODEL_LABELS, type ModelAvailability } from '../model-catalog.js';
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
  const windowQuery = useAttributionWindowQuery({
    variables: { from: dayStart(from), to: dayEnd(to) },
    fetchPolicy: 'cache-and-network',
  });
  const scope = windowQuery.data?.attributionWindow;
  // Imports and tracked journeys refetch usage: a new stored count means the window holds something else.
  const stored = useUsageQuery().data?.usage.storedJourneys.used;
  const { refetch: refetchWindow } = windowQuery;
  useEffect(() => {
    if (stored !== undefined) void refetchWindow();
  }, [stored, refetchWindow]);
  const unavailable = scope?.modelsUnavailable ?? [];
  const unavailableKey = unavailable.map(({ model }) => model).join();
  // Models the window's data cannot serve leave the selection whenever they appear; the user may add them back.
  useEffect(() => {
    if (unavailableKey) setSelected((current) => current.filter((model) => !unavailableKey.split(',').includes(model)));
  }, [unavailableKey]);
  const empty = scope !== undefined && scope.storedJourneys + scope.pathRows === 0;
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
        {unavailable.map(({ model, reason }) => (
          <Alert key={model} tone="info">
            {MODEL_LABELS[model]} is left out: {reason}
          </Alert>
        ))}
        <div className="row" role="group" aria-label="Date presets">
          {DATE_PRESETS.map(({ preset, label }) => (
            <Button
              key={preset}
              variant="secondary"
              onClick={() => {
                const picked = presetWindow(preset, new Date());
                setFrom(picked.from);
                setTo(picked.to);
              }}
            >
              {label}
            </Button>
          ))}
        </div>
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
        {models.some((m) => !m.allowed) && (
          <p className="muted">
            Need a lookback longer than {maxLookbackDays} days?{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => upgradePrompt.showLocked({ kind: 'lookback', days: maxLookbackDays + 1 })}
            >
              See the plan with a longer lookback
            </button>
          </p>
        )}
        {scope && <KpiTiles label="In this window" kpis={scope} />}
        {empty && (
          <Alert tone="info">
            There are no journeys in this window: import or track some, or choose a wider window.
          </Alert>
        )}
        {nothingSelected && <Alert tone="info">Choose at least one model.</Alert>}
        <div className="row row--end">
          <Button type="submit" busy={loading} disabled={nothingSelected || empty}>
            Run attribution
          </Button>
        </div>
      </form>
    </Card>
  );
}
