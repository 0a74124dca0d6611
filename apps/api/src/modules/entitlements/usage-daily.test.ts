import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startTestApp, type SignedUpUser, type TestApp } from '../../test/harness.js';
import { graphql } from '../../test/gql/index.js';
import { usageHistory } from './usage-history.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const TRACK = graphql(`
  mutation UsageDailyTrackJourney($input: JourneyInput!) {
    trackJourney(input: $input) {
      journeyId
    }
  }
`);
const USAGE = graphql(`
  query UsageDaily {
    usage {
      attributionRuns {
        used
        limit
        daily {
          date
          used
        }
        projectedUsed
        projectedToExceedOn
      }
    }
  }
`);
const JOURNEY = {
  touches: [{ channel: 'email', at: '2026-06-01T00:00:00Z' }],
  convertedAt: '2026-06-01T01:00:00Z',
  value: 10,
};

async function meter(user: SignedUpUser) {
  return dataOf(await t.graphql(USAGE, {}, { cookie: user.cookie })).usage.attributionRuns;
}

async function track(user: SignedUpUser, times: number) {
  for (let i = 0; i < times; i += 1) {
    const result = await t.graphql(TRACK, { input: JOURNEY }, { cookie: user.cookie });
    expect(result.data?.trackJourney?.journeyId).toBeTruthy();
  }
}

describe('usage per day', () => {
  it('counts reservations on the day they are taken, returns released units to their day, and projects', async () => {
    const user = await t.signUp();
    t.clock.set('2026-06-02T10:00:00Z');
    await track(user, 3);
    t.clock.set('2026-06-04T23:59:00Z');
    await track(user, 2);

    // A reservation taken on the 4th and released on the 5th goes back to the 4th.
    const entitlements = await t.app.services.entitlements.forOrganization(user.organizationId);
    const reservation = await t.app.services.usage.reserve(user.organizationId, entitlements, 'ATTRIBUTION_RUNS', 4);
    expect((await meter(user)).used).toBe(9);
    t.clock.set('2026-06-05T09:00:00Z');
    await t.app.services.usage.release(reservation);

    const usage = await meter(user);
    expect(usage.used).toBe(5);
    expect(usage.daily).toEqual([
      { date: '2026-06-01', used: 0 },
      { date: '2026-06-02', used: 3 },
      { date: '2026-06-03', used: 0 },
      { date: '2026-06-04', used: 2 },
      { date: '2026-06-05', used: 0 },
    ]);
    // 5 runs over 5 days: 1 a day, 30 by the end of June; far below FREE's 500.
    expect(usage.projectedUsed).toBe(30);
    expect(usage.projectedToExceedOn).toBeNull();

    const [row] = await t.sql<{ rows: string }>(
      'select count(*) as rows from usage_counter where organization_id = ?',
      [user.organizationId],
    );
    expect(Number(row?.rows)).toBe(1);
  });

  it('names the day a fast pace crosses the limit', async () => {
    const user = await t.signUp();
    t.clock.set('2026-07-01T12:00:00Z');
    const entitlements = await t.app.services.entitlements.forOrganization(user.organizationId);
    await t.app.services.usage.reserve(user.organizationId, entitlements, 'ATTRIBUTION_RUNS', 40);
    t.clock.set('2026-07-02T12:00:00Z');
    await t.app.services.usage.reserve(user.organizationId, entitlements, 'ATTRIBUTION_RUNS', 60);

    const usage = await meter(user);
    // 100 runs in 2 days: 50 a day, 31 days → 1,550; the 500th is passed on day 11 (50 × 11 = 550).
    expect(usage.daily).toEqual([
      { date: '2026-07-01', used: 40 },
      { date: '2026-07-02', used: 60 },
    ]);
    expect(usage.projectedUsed).toBe(1550);
    expect(usage.projectedToExceedOn).toBe('2026-07-11');
  });
});

describe('usageHistory', () => {
  const period = { start: new Date('2026-02-10T10:32:00Z'), end: new Date('2026-03-10T10:32:00Z') };

  it('counts UTC days from the day the period starts on, up to today', () => {
    const history = usageHistory(period, new Date('2026-02-12T01:00:00Z'), 6, 5000, [1, undefined as never, 5]);
    expect(history.daily).toEqual([
      { date: '2026-02-10', used: 1 },
      { date: '2026-02-11', used: 0 },
      { date: '2026-02-12', used: 5 },
    ]);
    // 2 a day over the 29 UTC days the period touches.
    expect(history.projectedUsed).toBe(58);
    expect(history.projectedToExceedOn).toBeNull();
  });

  it('projects nothing beyond what is used when nothing is used, and never crosses at exactly the limit', () => {
    expect(usageHistory(period, period.start, 0, 500, [])).toEqual({
      daily: [{ date: '2026-02-10', used: 0 }],
      projectedUsed: 0,
      projectedToExceedOn: null,
    });
    const atLimit = usageHistory(period, new Date('2026-03-10T09:00:00Z'), 500, 500, [500]);
    expect(atLimit.daily).toHaveLength(29);
    expect(atLimit.projectedUsed).toBe(500);
    expect(atLimit.projectedToExceedOn).toBeNull();
  });
});
