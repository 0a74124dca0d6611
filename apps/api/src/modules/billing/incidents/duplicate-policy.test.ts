import { describe, expect, it } from 'vitest';
import { keptOf, unusedShareCents } from './duplicate-policy.js';

describe('keptOf', () => {
  it('keeps the newest of two paying subscriptions, by created, then by the greater id, in either order', () => {
    const older = { id: 'sub_b', created: 1_700_000_000, status: 'active' };
    const newer = { id: 'sub_a', created: 1_700_000_060, status: 'active' };
    expect(keptOf(older, newer)).toBe(newer);
    expect(keptOf(newer, older)).toBe(newer);
    const twin = { id: 'sub_c', created: 1_700_000_060, status: 'trialing' };
    expect(keptOf(newer, twin)).toBe(twin);
    expect(keptOf(twin, newer)).toBe(twin);
  });

  it('never lets a newer subscription that does not bill push out one that does', () => {
    const paying = { id: 'sub_paying', created: 1_700_000_000, status: 'past_due' };
    for (const status of ['incomplete', 'unpaid', 'paused']) {
      const idle = { id: 'sub_idle', created: 1_700_009_999, status };
      expect(keptOf(paying, idle)).toBe(paying);
      expect(keptOf(idle, paying)).toBe(paying);
    }
  });
});

describe('unusedShareCents', () => {
  const period = { start: 1_700_000_000, end: 1_700_000_000 + 30 * 86_400 };

  it('is the unused part of the payment, rounded to the cent', () => {
    expect(unusedShareCents(4900, period, period.start)).toBe(4900);
    expect(unusedShareCents(4900, period, period.start + 10 * 86_400)).toBe(3267);
    expect(unusedShareCents(4900, period, period.end)).toBe(0);
  });

  it('never exceeds what was paid nor goes below zero', () => {
    expect(unusedShareCents(4900, period, period.start - 86_400)).toBe(4900);
    expect(unusedShareCents(4900, period, period.end + 86_400)).toBe(0);
    expect(unusedShareCents(0, period, period.start)).toBe(0);
    expect(unusedShareCents(4900, { start: period.end, end: period.end }, period.end)).toBe(0);
  });
});
