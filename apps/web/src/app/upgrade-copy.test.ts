import { describe, expect, it } from 'vitest';
import { PLANS } from '../features/billing/plans.fixture.js';
import { upgradeCopy } from './upgrade-copy.js';

const everything = (copy: ReturnType<typeof upgradeCopy>) => [copy.title, ...copy.lines, copy.offerLimits].join(' ');

describe('upgradeCopy', () => {
  it('names what ran out, how much of how much, the reset day and the plan that lifts it, in words', () => {
    const copy = upgradeCopy(
      {
        source: 'api',
        details: {
          code: 'PLAN_LIMIT_EXCEEDED',
          message: 'Your FREE plan includes 500 attribution runs',
          plan: 'FREE',
          upgradeUrl: '/pricing',
          used: 500,
          limit: 500,
        },
      },
      PLANS,
      '2026-12-01T00:00:00.000Z',
    );
    expect(copy.offer?.tier).toBe('PRO');
    expect(copy.lines[0]).toBe(
      'You have used 500 of the 500 attribution runs in your Free plan this period. They reset on Dec 1, 2026.',
    );
    expect(copy.lines[1]).toBe('Pro includes 5,000 attribution runs a month.');
    expect(everything(copy)).not.toMatch(/\b(FREE|PRO|SCALE|ATTRIBUTION_RUNS)\b/);
  });

  it('offers the cheapest plan that unlocks a locked model, export or lookback', () => {
    const markov = upgradeCopy(
      { source: 'locked', feature: { kind: 'model', model: 'MARKOV', label: 'Markov chain' } },
      PLANS,
      null,
    );
    expect(markov.title).toBe('The Markov chain model comes with Scale');
    expect(markov.offer?.tier).toBe('SCALE');
    expect(everything(markov)).not.toMatch(/MARKOV/);
    const linear = upgradeCopy(
      { source: 'locked', feature: { kind: 'model', model: 'LINEAR', label: 'Linear' } },
      PLANS,
      null,
    );
    expect(linear.offer?.tier).toBe('PRO');
    expect(upgradeCopy({ source: 'locked', feature: { kind: 'exports' } }, PLANS, null).offer?.tier).toBe('SCALE');
    expect(upgradeCopy({ source: 'locked', feature: { kind: 'lookback', days: 31 } }, PLANS, null).offer?.tier).toBe(
      'PRO',
    );
    expect(upgradeCopy({ source: 'locked', feature: { kind: 'lookback', days: 365 } }, PLANS, null).offer).toBeNull();
  });

  it('offers the next plan up when the API refuses a feature, and nothing above the top plan', () => {
    const details = {
      code: 'FEATURE_NOT_IN_PLAN' as const,
      message: 'x',
      upgradeUrl: '/pricing',
      used: null,
      limit: null,
    };
    const pro = upgradeCopy({ source: 'api', details: { ...details, plan: 'PRO' } }, PLANS, null);
    expect(pro.title).toBe('Not included in your Pro plan');
    expect(pro.offer?.tier).toBe('SCALE');
    expect(upgradeCopy({ source: 'api', details: { ...details, plan: 'SCALE' } }, PLANS, null).offer).toBeNull();
  });
});
