import { describe, expect, it } from 'vitest';
import { attribute } from './accumulator.js';
import { expectCredits, row } from './testing/credit-assertions.js';

// The published cases of /work/shared/attribution/MODELS.md, to 1e-9.
describe('ChannelAttribution white paper: A>B>A>B>B>A, A>B>B>A>A, A>A', () => {
  const rows = [row('A > B > A > B > B > A', 1), row('A > B > B > A > A', 1), row('A > A', 1)];
  const result = attribute(rows, ['MARKOV', 'LINEAR']);

  it('MARKOV: removal effects A = 1, B = 0.5; conversions A = 2, B = 1', () => {
    expect(result.MARKOV?.removalEffects?.A).toBeCloseTo(1, 9);
    expect(result.MARKOV?.removalEffects?.B).toBeCloseTo(0.5, 9);
    expectCredits(result.MARKOV, { A: 2, B: 1 });
  });

  it('LINEAR: A = 2.1, B = 0.9', () => {
    expectCredits(result.LINEAR, { A: 2.1, B: 0.9 });
  });
});

describe('direct (2 conv, 1 null), search > email (3, 2), search > social > email (5, 4)', () => {
  const rows = [row('direct', 2, 1), row('search > email', 3, 2), row('search > social > email', 5, 4)];
  const result = attribute(rows, ['FIRST_TOUCH', 'LAST_TOUCH', 'POSITION_BASED', 'SHAPLEY', 'MARKOV']);

  it('FIRST_TOUCH and LAST_TOUCH', () => {
    expectCredits(result.FIRST_TOUCH, { direct: 2, search: 8 });
    expectCredits(result.LAST_TOUCH, { direct: 2, email: 8 });
  });

  it('POSITION_BASED', () => {
    expectCredits(result.POSITION_BASED, { direct: 2, search: 3.5, email: 3.5, social: 1 });
  });

  it('SHAPLEY', () => {
    expectCredits(result.SHAPLEY, { direct: 2, search: 19 / 6, email: 19 / 6, social: 5 / 3 });
  });

  it('MARKOV with nulls: removal effects and conversions', () => {
    const effects = result.MARKOV?.removalEffects ?? {};
    const expected = { direct: 0.2, search: 0.8, email: 0.8, social: 18 / 35 };
    expect(Object.keys(effects).sort()).toEqual(Object.keys(expected).sort());
    for (const [channel, effect] of Object.entries(expected)) expect(effects[channel]).toBeCloseTo(effect, 9);
    expectCredits(result.MARKOV, { direct: 70 / 81, search: 280 / 81, email: 280 / 81, social: 180 / 81 });
  });
});

describe('a > b (3 conv, 1 null), a > c (1, 1)', () => {
  it('MARKOV conversions {a 2, b 1.5, c 0.5}', () => {
    const result = attribute([row('a > b', 3, 1), row('a > c', 1, 1)], ['MARKOV']);
    expectCredits(result.MARKOV, { a: 2, b: 1.5, c: 0.5 });
  });
});

describe('SHAPLEY', () => {
  it('a (4) + a > b (6) gives {a 7, b 3}', () => {
    expectCredits(attribute([row('a', 4), row('a > b', 6)], ['SHAPLEY']).SHAPLEY, { a: 7, b: 3 });
  });

  it('a > b > c > d (10) gives 2.5 each', () => {
    expectCredits(attribute([row('a > b > c > d', 10)], ['SHAPLEY']).SHAPLEY, { a: 2.5, b: 2.5, c: 2.5, d: 2.5 });
  });
});
