import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import type { ActiveSubscription, SubscriptionLookup } from './index.js';
import type { JourneyInput } from '../../test/gql/graphql.js';
import { graphql } from '../../test/gql/index.js';

// What billing will provide: here a fixed PRO subscription for the organizations registered below.
const subscribed = new Map<string, ActiveSubscription>();
const lookup: SubscriptionLookup = {
  activeSubscription: async (organizationId) => subscribed.get(organizationId) ?? null,
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ subscriptions: lookup });
  t.clock.set('2026-06-20T00:00:00Z');
});
afterAll(() => t.stop());

describe('plan and usage with a subscription', () => {
  it("counts usage in the subscription's period with its plan's limit", async () => {
    const user = await t.signUp();
    subscribed.set(user.organizationId, {
      id: 'sub-row-1',
      stripeSubscriptionId: 'sub_123',
      tier: 'PRO',
      status: 'active',
      periodStart: new Date('2026-06-10T15:30:00Z'),
      periodEnd: new Date('2026-07-10T15:30:00Z'),
      cancelAtPeriodEnd: false,
    });
    const input: JourneyInput = {
      touches: [{ channel: 'ads', at: '2026-06-18T00:00:00Z' }],
      convertedAt: '2026-06-19T00:00:00Z',
      models: ['LAST_TOUCH', 'LINEAR'],
    };
    const tracked = await t.graphql(
      graphql(`
        mutation SubscriptionPeriodTrackJourney($input: JourneyInput!) {
          trackJourney(input: $input) {
            credits {
              model
            }
          }
        }
      `),
      { input },
      { cookie: user.cookie },
    );
    expect(tracked.data?.trackJourney.credits.map((credit: { model: string }) => credit.model)).toEqual([
      'LAST_TOUCH',
      'LINEAR',
    ]);

    const result = await t.graphql(
      graphql(`
        query SubscriptionPeriodPlanUsage {
          plan {
            tier
          }
          usage {
            attributionRuns {
              used
              limit
              periodStart
              periodEnd
            }
          }
          subscription {
            stripeSubscriptionId
            planTier
            currentPeriodEnd
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(result.data).toEqual({
      plan: { tier: 'PRO' },
      usage: {
        attributionRuns: {
          used: 1,
          limit: 5000,
          periodStart: '2026-06-10T15:30:00.000Z',
          periodEnd: '2026-07-10T15:30:00.000Z',
        },
      },
      subscription: { stripeSubscriptionId: 'sub_123', planTier: 'PRO', currentPeriodEnd: '2026-07-10T15:30:00.000Z' },
    });
  });
});
