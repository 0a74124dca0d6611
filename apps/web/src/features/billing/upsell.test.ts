import { describe, expect, it } from 'vitest';
import { PLANS } from './plans.fixture.js';
import { featureWords, limitSentence, planAbove, planLimitsText, planPriceText, planUnlocking } from './upsell.js';

describe('upsell', () => {
  it('offers the cheapest plan that unlocks a locked item', () => {
    expect(planUnlocking({ kind: 'model', model: 'LINEAR', label: 'Linear' }, PLANS)?.name).toBe('Pro');
    expect(planUnlocking({ kind: 'model', model: 'MARKOV', label: 'Markov chain' }, PLANS)?.name).toBe('Scale');
    expect(planUnlocking({ kind: 'lookback', days: 90 }, PLANS)?.name).toBe('Scale');
    expect(planUnlocking({ kind: 'lookback', days: 400 }, PLANS)).toBeNull();
    expect(planUnlocking({ kind: 'exports' }, PLANS)?.name).toBe('Scale');
  });

  it('offers the plan above the current one to lift a quota', () => {
    expect([planAbove('FREE', PLANS)?.name, planAbove('PRO', PLANS)?.name, planAbove('SCALE', PLANS)]).toEqual([
      'Pro',
      'Scale',
      null,
    ]);
  });

  it('words features, prices and limits without enum codes', () => {
    expect(featureWords({ kind: 'model', model: 'MARKOV', label: 'Markov chain' })).toBe('the Markov chain model');
    expect(planPriceText(PLANS[1]!)).toBe('Pro — $49/month');
    expect(planLimitsText(PLANS[1]!)).toBe('5,000 attribution runs a month, 3 models, 60-day lookback');
    expect(planLimitsText(PLANS[2]!)).toContain('CSV exports');
    const sentence = limitSentence({
      what: 'attribution runs',
      used: 500,
      limit: 500,
      planName: 'Free',
      resetsAt: '2026-07-01T00:00:00.000Z',
    });
    expect(sentence).toBe(
      'You have used 500 of the 500 attribution runs in your Free plan this period. They reset on Jul 1, 2026.',
    );
    expect(sentence).not.toMatch(/FREE|ATTRIBUTION_RUNS/);
  });
});
