import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type SignedUpUser, type TestApp } from '../../test/harness.js';
import type { ActiveSubscription, SubscriptionLookup } from './index.js';
import type { JourneyInput } from '../../test/gql/graphql.js';
import { graphql } from '../../test/gql/index.js';

/** Billing's real lookup (subscriptions synced from Stripe), counting the calls per organization. */
class CountingLookup implements SubscriptionLookup {
  readonly calls = new Map<string, number>();

  constructor(private readonly real: () => SubscriptionLookup) {}

  activeSubscription(organizationId: string): Promise<ActiveSubscription | null> {
    this.calls.set(organizationId, (this.calls.get(organizationId) ?? 0) + 1);
    return this.real().activeSubscription(organizationId);
  }

  async countDuring(user: SignedUpUser, request: () => Promise<unknown>): Promise<number> {
    this.calls.delete(user.organizationId);
    await request();
    return this.calls.get(user.organizationId) ?? 0;
  }
}

const lookups = new CountingLookup(() => t.app.services.billing.subscriptions);
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ subscriptions: lookups });
  t.clock.set('2026-04-20T08:00:00Z');
});
afterAll(() => t.stop());

const TRACK = graphql(`
  mutation PlanLookupsTrackJourney($input: JourneyInput!) {
    trackJourney(input: $input) {
      journeyId
    }
  }
`);
const RUN = graphql(`
  mutation PlanLookupsRunAttribution($input: AttributionRunInput!) {
    runAttribution(input: $input) {
      journeyCount
    }
  }
`);
const JOURNEY: JourneyInput = {
  touches: [{ channel: 'email', at: '2026-04-01T00:00:00Z' }],
  convertedAt: '2026-04-02T00:00:00Z',
  value: 10,
  models: ['LAST_TOUCH'],
};

describe('a request looks its plan up once', () => {
  it('trackJourney: the gate, the quota and the service share one lookup', async () => {
    const user = await t.signUp();
    const count = await lookups.countDuring(user, async () => {
      const result = await t.graphql(TRACK, { input: JOURNEY }, { cookie: user.cookie });
      expect(result.errors).toBeUndefined();
    });
    expect(count).toBe(1);
  });

  it('runAttribution: one lookup, also when the gate refuses the plan', async () => {
    const user = await t.signUp();
    // A window with no journeys is refused before the run: give it one.
    expect((await t.graphql(TRACK, { input: JOURNEY }, { cookie: user.cookie })).errors).toBeUndefined();
    const ran = await lookups.countDuring(user, async () => {
      const result = await t.graphql(RUN, { input: { models: ['LAST_TOUCH'] } }, { cookie: user.cookie });
      expect(result.errors).toBeUndefined();
    });
    expect(ran).toBe(1);
    const refused = await lookups.countDuring(user, async () => {
      const result = await t.graphql(RUN, { input: { models: ['LINEAR'] } }, { cookie: user.cookie });
      expect(result.errors?.[0]?.extensions?.code).toBe('FEATURE_NOT_IN_PLAN');
    });
    expect(refused).toBe(1);
  });

  it('plan and usage in one query read the same lookup', async () => {
    const user = await t.signUp();
    const count = await lookups.countDuring(user, async () => {
      const result = await t.graphql(
        graphql(`
          query PlanLookupsPlanUsage {
            plan {
              tier
            }
            usage {
              attributionRuns {
                used
                limit
              }
            }
          }
        `),
        {},
        { cookie: user.cookie },
      );
      expect(result.data).toEqual({ plan: { tier: 'FREE' }, usage: { attributionRuns: { used: 0, limit: 500 } } });
    });
    expect(count).toBe(1);
  });
});
