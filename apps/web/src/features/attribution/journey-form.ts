// The journey form's state and its conversion to the API's JourneyInput. Pure: unit-tested.
import type { JourneyInput } from '../../gql/graphql.js';

export interface TouchDraft {
  readonly channel: string;
  /** A `datetime-local` value, read in the browser's time zone. */
  readonly at: string;
}

export interface JourneyDraft {
  readonly touches: readonly TouchDraft[];
  readonly convertedAt: string;
  readonly value: string;
}

/** `datetime-local` wants local wall-clock time without a zone. */
export function toLocalInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A blank journey: the form shows placeholders, so nothing is stored that the user did not enter. */
export function emptyJourney(): JourneyDraft {
  return { touches: [{ channel: '', at: '' }], convertedAt: '', value: '' };
}

export type JourneyInputResult = { ok: true; input: JourneyInput } | { ok: false; message: string };

function isoOf(local: string): string | null {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Catches what the form can see before a request (and a metered run) is spent on it. */
export function journeyInputOf(draft: JourneyDraft): JourneyInputResult {
  const touches = draft.touches.filter((touch) => touch.channel.trim() !== '');
  if (touches.length === 0) return { ok: false, message: 'Add at least one touch with a channel.' };
  const convertedAt = isoOf(draft.convertedAt);
  if (!convertedAt) return { ok: false, message: 'Enter when the conversion happened.' };
  const input: JourneyInput['touches'] = [];
  for (const [index, touch] of touches.entries()) {
    const at = isoOf(touch.at);
    if (!at) return { ok: false, message: `Touch ${index + 1} needs a date and time.` };
    if (at > convertedAt) return { ok: false, message: `Touch ${index + 1} happens after the conversion.` };
    input.push({ channel: touch.channel.trim(), at });
  }
  const value = draft.value.trim() === '' ? null : Number(draft.value);
  if (value !== null && (!Number.isFinite(value) || value < 0))
    return { ok: false, message: 'Value must be a positive number.' };
  return { ok: true, input: { touches: input, convertedAt, value } };
}
