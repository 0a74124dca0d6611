import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startTestApp, type SignedUpUser, type TestApp } from '../../test/harness.js';
import type { JourneyInput } from '../../test/gql/graphql.js';
import { graphql } from '../../test/gql/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-03-15T12:00:00Z');
});
afterAll(() => t.stop());

const TRACK = graphql(`
  mutation JourneysTrackJourney($input: JourneyInput!) {
    trackJourney(input: $input) {
      journeyId
      credits {
        model
        channels {
          channel
          conversions
          value
        }
      }
    }
  }
`);
const USED = graphql(`
  query JourneysUsage {
    usage {
      attributionRuns {
        used
      }
    }
  }
`);

async function used(user: SignedUpUser): Promise<number> {
  return dataOf(await t.graphql(USED, {}, { cookie: user.cookie })).usage.attributionRuns.used;
}

async function journeyCount(organizationId: string): Promise<number> {
  const rows = await t.sql<{ n: string }>('select count(*) as n from journey where organization_id = ?', [
    organizationId,
  ]);
  return Number(rows[0]?.n);
}

describe('trackJourney', () => {
  it('stores the journey with its touches and credits the last touch', async () => {
    const user = await t.signUp();
    const input: JourneyInput = {
      touches: [
        { channel: 'email', at: '2026-03-01T10:00:00Z' },
        { channel: ' search ', at: '2026-03-05T10:00:00Z', milestone: 'LEAD' },
      ],
      convertedAt: '2026-03-06T10:00:00Z',
      value: 120,
    };
    const result = await t.graphql(TRACK, { input }, { cookie: user.cookie });
    expect(result.errors).toBeUndefined();
    const tracked = dataOf(result).trackJourney;
    expect(tracked.credits).toEqual([
      { model: 'LAST_TOUCH', channels: [{ channel: 'search', conversions: 1, value: 120 }] },
    ]);

    const stored = await t.graphql(
      graphql(`
        query JourneysJourney($id: ID!) {
          journey(id: $id) {
            id
            convertedAt
            value
            touches {
              channel
              at
              milestone
            }
          }
        }
      `),
      { id: tracked.journeyId },
      { cookie: user.cookie },
    );
    expect(stored.data?.journey).toEqual({
      id: tracked.journeyId,
      convertedAt: '2026-03-06T10:00:00.000Z',
      value: 120,
      touches: [
        { channel: 'email', at: '2026-03-01T10:00:00.000Z', milestone: null },
        { channel: 'search', at: '2026-03-05T10:00:00.000Z', milestone: 'LEAD' },
      ],
    });
    expect(await used(user)).toBe(1);
  });

  it("does not credit a touch outside the plan's lookback window (30 days on FREE)", async () => {
    const user = await t.signUp();
    const input = {
      touches: [{ channel: 'display', at: '2026-01-01T00:00:00Z' }],
      convertedAt: '2026-03-06T00:00:00Z',
      value: 50,
    };
    const result = await t.graphql(TRACK, { input }, { apiKey: await t.createApiKey(user) });
    expect(result.data?.trackJourney.credits).toEqual([{ model: 'LAST_TOUCH', channels: [] }]);
  });

  it.each([
    ['no touches', { touches: [] }, 'EMPTY_TOUCHES', 'touches'],
    [
      'a touch after its conversion',
      { touches: [{ channel: 'email', at: '2026-03-07T00:00:00Z' }] },
      'TOUCH_AFTER_CONVERSION',
      'touches.0.at',
    ],
    [
      'a blank channel',
      { touches: [{ channel: '   ', at: '2026-03-01T00:00:00Z' }] },
      'INVALID_CHANNEL',
      'touches.0.channel',
    ],
    ['a negative value', { value: -1 }, 'INVALID_VALUE', 'value'],
  ])(
    'rejects %s with a typed error, stores nothing and returns the reservation',
    async (_label, override, reason, field) => {
      const user = await t.signUp();
      const input = {
        touches: [{ channel: 'email', at: '2026-03-01T00:00:00Z' }],
        convertedAt: '2026-03-06T00:00:00Z',
        ...override,
      };
      const result = await t.graphql(TRACK, { input }, { cookie: user.cookie });
      expect(result.status).toBe(200);
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason, field });
      expect(await journeyCount(user.organizationId)).toBe(0);
      expect(await used(user)).toBe(0);
    },
  );

  it('refuses a model the plan lacks with FEATURE_NOT_IN_PLAN and an upgrade link', async () => {
    const user = await t.signUp();
    const input: JourneyInput = {
      touches: [{ channel: 'email', at: '2026-03-01T00:00:00Z' }],
      convertedAt: '2026-03-06T00:00:00Z',
      models: ['MARKOV'],
    };
    const result = await t.graphql(TRACK, { input }, { cookie: user.cookie });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'FEATURE_NOT_IN_PLAN',
      plan: 'FREE',
      upgradeUrl: 'http://app.test/pricing',
    });
    expect(await used(user)).toBe(0);
  });

  it('rejects an invalid date through the DateTime scalar', async () => {
    const user = await t.signUp();
    const input = { touches: [{ channel: 'email', at: 'yesterday' }], convertedAt: '2026-03-06T00:00:00Z' };
    const result = await t.graphql(TRACK, { input }, { cookie: user.cookie });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await journeyCount(user.organizationId)).toBe(0);
  });

  it('needs a signed-in caller', async () => {
    const input = { touches: [{ channel: 'email', at: '2026-03-01T00:00:00Z' }], convertedAt: '2026-03-06T00:00:00Z' };
    const result = await t.graphql(TRACK, { input });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('tenant isolation', () => {
  it("keeps one organization's journeys and usage away from another", async () => {
    const alice = await t.signUp();
    const bob = await t.signUp();
    const input = { touches: [{ channel: 'email', at: '2026-03-01T00:00:00Z' }], convertedAt: '2026-03-06T00:00:00Z' };
    const tracked = await t.graphql(TRACK, { input }, { cookie: alice.cookie });
    const journeyId = dataOf(tracked).trackJourney.journeyId;

    const bobReads = await t.graphql(
      graphql(`
        query JourneysJourney2($id: ID!) {
          journey(id: $id) {
            id
          }
        }
      `),
      { id: journeyId },
      { apiKey: await t.createApiKey(bob) },
    );
    expect(bobReads.data).toEqual({ journey: null });
    expect(await used(bob)).toBe(0);
    expect(await used(alice)).toBe(1);
  });
});
