import { describe, expect, it } from 'vitest';
import {
  PLAN_CATALOG,
  UnknownPlanTierError,
  allowsLookback,
  allowsModel,
  capabilitiesOf,
  cheapestPlanUnlocking,
  comparePlans,
  isPaidPlanTier,
  limitExceededMessage,
  nextPlanUp,
  planOf,
  type PlanTier,
} from './index.js';

describe('plan catalog', () => {
  it('matches DESIGN.md: 500 / 5,000 / 25,000 runs and $0 / $49 / $199', () => {
    expect(PLAN_CATALOG.map((p) => [p.tier, p.limits.attributionRuns, p.priceMonthlyCents])).toEqual([
      ['FREE', 500, 0],
      ['PRO', 5000, 4900],
      ['SCALE', 25000, 19900],
    ]);
  });

  it('gives FREE one model, PRO three and SCALE all ten', () => {
    expect(capabilitiesOf('FREE').models).toEqual(['LAST_TOUCH']);
    expect(capabilitiesOf('PRO').models).toEqual(['LAST_TOUCH', 'FIRST_TOUCH', 'LINEAR']);
    expect(capabilitiesOf('SCALE').models).toHaveLength(10);
    expect(allowsModel('PRO', 'MARKOV')).toBe(false);
    expect(allowsModel('SCALE', 'SHAPLEY')).toBe(true);
  });

  it('gates lookback and exports', () => {
    expect(allowsLookback('FREE', 30)).toBe(true);
    expect(allowsLookback('FREE', 31)).toBe(false);
    expect(allowsLookback('PRO', 90)).toBe(false);
    expect(allowsLookback('SCALE', 180)).toBe(true);
    expect(PLAN_CATALOG.map((plan) => plan.limits.exports)).toEqual([false, false, true]);
  });

  it('bounds stored journeys per plan', () => {
    expect(PLAN_CATALOG.map((plan) => plan.limits.storedJourneys)).toEqual([10_000, 1_000_000, 10_000_000]);
  });

  it('rejects an unknown tier with a typed error', () => {
    expect(() => planOf('ENTERPRISE' as PlanTier)).toThrow(UnknownPlanTierError);
    expect(planOf('PRO').name).toBe('Pro');
  });

  it('orders tiers by price', () => {
    expect(comparePlans('PRO', 'SCALE')).toBeLessThan(0);
  });

  it('tells the tiers sold through Stripe from FREE and from strings that are no tier', () => {
    expect(['FREE', 'PRO', 'SCALE', 'ENTERPRISE', ''].map(isPaidPlanTier)).toEqual([false, true, true, false, false]);
  });

  it('words the limit message with the figures', () => {
    const message = limitExceededMessage({ metric: 'ATTRIBUTION_RUNS', used: 500, limit: 500, plan: 'FREE' });
    expect(message).toContain('500 attribution runs');
    expect(message).toContain('Your Free plan');
  });

  it('names the cheapest plan that unlocks a gated feature, or none', () => {
    expect(cheapestPlanUnlocking({ kind: 'model', model: 'LINEAR' })?.tier).toBe('PRO');
    expect(cheapestPlanUnlocking({ kind: 'model', model: 'MARKOV' })?.tier).toBe('SCALE');
    expect(cheapestPlanUnlocking({ kind: 'model', model: 'LAST_TOUCH' })?.tier).toBe('FREE');
    expect(cheapestPlanUnlocking({ kind: 'lookback', days: 45 })?.tier).toBe('PRO');
    expect(cheapestPlanUnlocking({ kind: 'lookback', days: 90 })?.tier).toBe('SCALE');
    expect(cheapestPlanUnlocking({ kind: 'lookback', days: 365 })).toBeNull();
    expect(cheapestPlanUnlocking({ kind: 'exports' })?.tier).toBe('SCALE');
  });

  it('names the plan above a tier, none above the top one', () => {
    expect([nextPlanUp('FREE')?.tier, nextPlanUp('PRO')?.tier, nextPlanUp('SCALE')]).toEqual(['PRO', 'SCALE', null]);
  });
});
