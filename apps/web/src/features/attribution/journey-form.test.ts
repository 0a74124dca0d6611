import { describe, expect, it } from 'vitest';
import { emptyJourney, journeyInputOf, toLocalInputValue } from './journey-form.js';

describe('journeyInputOf', () => {
  it('turns a filled-in journey into a valid JourneyInput with ISO times', () => {
    const draft = {
      touches: [
        { channel: ' Paid search ', at: toLocalInputValue(new Date('2026-11-22T12:00:00Z')) },
        { channel: 'Email', at: toLocalInputValue(new Date('2026-11-24T16:00:00Z')) },
      ],
      convertedAt: toLocalInputValue(new Date('2026-11-25T11:00:00Z')),
      value: '120',
    };
    const result = journeyInputOf(draft);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.touches.map((t) => t.channel)).toEqual(['Paid search', 'Email']);
    expect(result.input.touches[0]?.at).toBe('2026-11-22T12:00:00.000Z');
    expect(result.input.convertedAt).toBe('2026-11-25T11:00:00.000Z');
    expect(result.input.value).toBe(120);
  });

  it('starts blank, so an untouched form stores nothing', () => {
    expect(emptyJourney()).toEqual({ touches: [{ channel: '', at: '' }], convertedAt: '', value: '' });
    expect(journeyInputOf(emptyJourney())).toEqual({ ok: false, message: 'Add at least one touch with a channel.' });
  });

  it('drops touches without a channel and refuses a journey with none', () => {
    const draft = { touches: [{ channel: '  ', at: '2026-11-20T10:00' }], convertedAt: '2026-11-21T10:00', value: '' };
    expect(journeyInputOf(draft)).toEqual({ ok: false, message: 'Add at least one touch with a channel.' });
  });

  it('refuses a touch after the conversion and a negative value', () => {
    const late = {
      touches: [{ channel: 'Email', at: '2026-11-22T10:00' }],
      convertedAt: '2026-11-21T10:00',
      value: '',
    };
    expect(journeyInputOf(late)).toEqual({ ok: false, message: 'Touch 1 happens after the conversion.' });
    const negative = {
      touches: [{ channel: 'Email', at: '2026-11-20T10:00' }],
      convertedAt: '2026-11-21T10:00',
      value: '-5',
    };
    expect(journeyInputOf(negative)).toEqual({ ok: false, message: 'Value must be a positive number.' });
  });

  it('sends an empty value as null', () => {
    const draft = {
      touches: [{ channel: 'Email', at: '2026-11-20T10:00' }],
      convertedAt: '2026-11-21T10:00',
      value: '',
    };
    expect(journeyInputOf(draft)).toMatchObject({ ok: true, input: { value: null } });
  });
});
