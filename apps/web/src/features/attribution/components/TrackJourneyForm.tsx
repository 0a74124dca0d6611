import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.js';
import { Card } from '../../../components/ui/Card.js';
import { Field } from '../../../components/ui/Field.js';
import { Alert, ErrorAlert } from '../../../components/ui/States.js';
import { UsageDocument, type AttributionModel } from '../../../gql/graphql.js';
import { useTrackJourneyMutation } from '../../../gql/hooks.js';
import type { ModelAvailability } from '../model-catalog.js';
import { emptyJourney, journeyInputOf, type JourneyDraft, type TouchDraft } from '../journey-form.js';
import { CreditsTables } from './CreditsTable.js';
import { ModelPicker } from './ModelPicker.js';

export function TrackJourneyForm({ models }: { models: readonly ModelAvailability[] }) {
  const [selected, setSelected] = useState<AttributionModel[]>(() =>
    models.filter((m) => m.allowed).map((m) => m.model),
  );
  const [draft, setDraft] = useState<JourneyDraft>(emptyJourney);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [track, { data, loading, error }] = useTrackJourneyMutation({ refetchQueries: [UsageDocument] });

  function updateTouch(index: number, patch: Partial<TouchDraft>) {
    setDraft((d) => ({ ...d, touches: d.touches.map((t, i) => (i === index ? { ...t, ...patch } : t)) }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = journeyInputOf(draft);
    const message = parsed.ok ? (selected.length === 0 ? 'Choose at least one model.' : null) : parsed.message;
    setInvalid(message);
    if (parsed.ok && !message)
      await track({ variables: { input: { ...parsed.input, models: selected } } }).catch(() => null);
  }

  return (
    <div className="stack">
      <Card
        title="Track a journey"
        aria-label="Track a journey"
        subtitle="Send one converted journey: it is stored and credited under each chosen model at once (1 attribution run)."
      >
        <form className="form" onSubmit={submit}>
          {invalid && <Alert tone="error">{invalid}</Alert>}
          {error && <ErrorAlert error={error} />}
          <ModelPicker models={models} selected={selected} onChange={setSelected} />
          {draft.touches.map((touch, index) => (
            <div className="touch-row" key={index}>
              <Field
                label={`Touch ${index + 1} channel`}
                placeholder="e.g. Paid search"
                value={touch.channel}
                onChange={(e) => updateTouch(index, { channel: e.target.value })}
              />
              <Field
                label="At"
                type="datetime-local"
                value={touch.at}
                onChange={(e) => updateTouch(index, { at: e.target.value })}
              />
              <Button
                variant="ghost"
                aria-label={`Remove touch ${index + 1}`}
                disabled={draft.touches.length === 1}
                onClick={() => setDraft((d) => ({ ...d, touches: d.touches.filter((_, i) => i !== index) }))}
              >
                Remove
              </Button>
            </div>
          ))}
          <div>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => setDraft((d) => ({ ...d, touches: [...d.touches, { channel: '', at: d.convertedAt }] }))}
            >
              Add touch
            </Button>
          </div>
          <div className="grid grid--2">
            <Field
              label="Converted at"
              type="datetime-local"
              required
              value={draft.convertedAt}
              onChange={(e) => setDraft({ ...draft, convertedAt: e.target.value })}
            />
            <Field
              label="Value"
              type="number"
              min={0}
              step="0.01"
              placeholder="e.g. 120.00"
              value={draft.value}
              onChange={(e) => setDraft({ ...draft, value: e.target.value })}
            />
          </div>
          <div className="row row--end">
            <Button type="submit" busy={loading}>
              Track journey
            </Button>
          </div>
        </form>
      </Card>
      {data && <CreditsTables credits={data.trackJourney.credits} />}
    </div>
  );
}
