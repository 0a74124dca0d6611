import { expect } from 'vitest';
import type { ModelResult, PathRow } from '../types.js';

/** Test helper: `a > b` paths as rows. */
export function row(path: string, conversions: number, nulls = 0, value = conversions): PathRow {
  return { path: path.split('>').map((channel) => channel.trim()), conversions, value, nulls };
}

export function creditsOf(result: ModelResult | undefined): Record<string, number> {
  if (!result) throw new Error('model missing from the result');
  return Object.fromEntries(result.channels.map((c) => [c.channel, c.conversions]));
}

/** Every expected channel within 1e-9, and no other channel credited. */
export function expectCredits(result: ModelResult | undefined, expected: Record<string, number>): void {
  const actual = creditsOf(result);
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [channel, conversions] of Object.entries(expected)) {
    expect(Math.abs(actual[channel]! - conversions), `${channel}: ${actual[channel]} vs ${conversions}`).toBeLessThan(
      1e-9,
    );
  }
}
