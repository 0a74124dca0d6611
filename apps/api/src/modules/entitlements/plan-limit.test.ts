import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startTestApp, type SignedUpUser, type TestApp } from '../../test/harness.js';
import { graphql } from '../../test/gql/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-04-20T08:00:00Z');
});
afterAll(() => t.stop());

const TRACK = graphql(`
  mutation PlanLimitTrackJourney($input: JourneyInput!) {
    trackJourney(input: $input) {
      journeyId
    }
  }
`);
const USAGE = graphql(`
  query PlanLimitUsage {
    usage {
      attributionRuns {
        metric
        used
        limit
        remaining
        periodStart
        periodEnd
      }
    }
  }
`);
const JOURNEY = {
  touches: [{ channel: 'email', at: '2026-04-01T00:00:00Z' }],
  convertedAt: '2026-04-02T00:00:00Z',
  value: 10,
};

async function meter(user: SignedUpUser) {
  return dataOf(await t.graphql(USAGE, {}, { cookie: user.cookie })).usage.attributionRuns;
}

describe('@planLimit on trackJourney', () => {
  it('lets exactly 500 of 600 concurrent calls through on FREE; the rest get PLAN_LIMIT_EXCEEDED with HTTP 402', async () => {
    const user = await t.signUp();
    const apiKey = await t.createApiKey(user);
    const results = await Promise.all(
      Array.from({ length: 600 }, () => t.graphql(TRACK, { input: JOURNEY }, { apiKey })),
    );

    const succeeded = results.filter((result) => result.status === 200 && result.data?.trackJourney?.journeyId);
    const refused = results.filter((result) => result.status === 402);
    expect(succeeded).toHaveLength(500);
    expect(refused).toHaveLength(100);
    expect(refused[0]?.errors).toHaveLength(1);
    expect(refused[0]?.errors?.[0]?.extensions).toEqual({
      code: 'PLAN_LIMIT_EXCEEDED',
      reason: 'PLAN_LIMIT_EXCEEDED',
      metric: 'ATTRIBUTION_RUNS',
      used: 500,
      limit: 500,
      plan: 'FREE',
      upgradeUrl: 'http://app.test/pricing',
    });
    expect(refused[0]?.errors?.[0]?.message).toContain('500 attribution runs');

    expect(await meter(user)).toEqual({
      metric: 'ATTRIBUTION_RUNS',
      used: 500,
      limit: 500,
      remaining: 0,
      periodStart: '2026-04-01T00:00:00.000Z',
      periodEnd: '2026-05-01T00:00:00.000Z',
    });
    const [stored] = await t.sql<{ n: string }>('select count(*) as n from journey where organization_id = ?', [
      user.organizationId,
    ]);
    expect(Number(stored?.n)).toBe(500);

    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/aa_plan_limit_denials_total\{metric="ATTRIBUTION_RUNS",plan="FREE"\} 100/);
  });

  it('returns the reservation when the resolver fails', async () => {
    const user = await t.signUp();
    await t.graphql(TRACK, { input: JOURNEY }, { cookie: user.cookie });
    const failing = await t.graphql(TRACK, { input: { ...JOURNEY, touches: [] } }, { cookie: user.cookie });
    expect(failing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await meter(user)).used).toBe(1);
  });

  it('starts a new calendar month (UTC) at 0, and the counters survive a restart', async () => {
    const user = await t.signUp();
    await t.graphql(TRACK, { input: JOURNEY }, { cookie: user.cookie });
    await t.graphql(TRACK, { input: JOURNEY }, { cookie: user.cookie });
    expect((await meter(user)).used).toBe(2);

    await t.restart();
    expect((await meter(user)).used).toBe(2);

    t.clock.set('2026-05-01T00:00:00Z');
    expect(await meter(user)).toMatchObject({
      used: 0,
      remaining: 500,
      periodStart: '2026-05-01T00:00:00.000Z',
      periodEnd: '2026-06-01T00:00:00.000Z',
    });
    await t.graphql(TRACK, { input: { ...JOURNEY, convertedAt: '2026-04-30T00:00:00Z' } }, { cookie: user.cookie });
    expect((await meter(user)).used).toBe(1);

    t.clock.set('2026-04-30T23:59:59Z');
    expect((await meter(user)).used).toBe(2);
  });
});
