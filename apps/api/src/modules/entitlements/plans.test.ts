import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { graphql } from '../../test/gql/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

describe('plans', () => {
  it('lists FREE / PRO / SCALE with 500 / 5,000 / 25,000 runs, without signing in', async () => {
    const result = await t.graphql(
      graphql(`
        query PlansPlans {
          plans {
            tier
            name
            priceMonthlyCents
            limits {
              attributionRuns
              models
              lookbackDays
              exports
            }
          }
        }
      `),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.plans.map((plan) => [plan.tier, plan.limits.attributionRuns])).toEqual([
      ['FREE', 500],
      ['PRO', 5000],
      ['SCALE', 25000],
    ]);
  });

  it('starts from a clean database after resetDatabase()', async () => {
    await t.resetDatabase();
    const [organizations] = await t.sql<{ n: string }>('select count(*) as n from organization');
    expect(Number(organizations?.n)).toBe(0);
    const user = await t.signUp();
    const result = await t.graphql(
      graphql(`
        query PlansPlan {
          plan {
            tier
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(result.data).toEqual({ plan: { tier: 'FREE' } });
  });

  it('gives a new organization the FREE plan', async () => {
    const user = await t.signUp();
    const result = await t.graphql(
      graphql(`
        query PlansPlanSubscription {
          plan {
            tier
            limits {
              lookbackDays
              models
            }
          }
          subscription {
            id
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(result.data).toEqual({
      plan: { tier: 'FREE', limits: { lookbackDays: 30, models: ['LAST_TOUCH'] } },
      subscription: null,
    });
  });
});
