import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgQuery } from '../../db/sql.js';
import { startTestApp, type SignedUpUser, type TestApp } from '../../test/harness.js';
import { STORED_ROOM_REFUSED } from './journey-import.store.js';
import { TRACKED_INPUT as JOURNEY, TRACK_JOURNEY as TRACK } from './test-fixtures.js';

/**
 * trackJourney writes the journey, its touches and both counters in one autocommit statement
 * (issue 12): a refusal by either counter must leave nothing written and nothing charged.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-05-10T08:00:00Z');
});
afterAll(() => t.stop());

const USAGE = '{ usage { attributionRuns { used periodStart } storedJourneys { used } } }';

async function usage(user: SignedUpUser): Promise<{ runs: number; stored: number; periodStart: string }> {
  const { data } = await t.graphql(USAGE, {}, { cookie: user.cookie });
  return {
    runs: data?.usage.attributionRuns.used,
    stored: data?.usage.storedJourneys.used,
    periodStart: data?.usage.attributionRuns.periodStart,
  };
}

/** Every row a tracked journey writes, counted for one organization. */
async function rowsOf(organizationId: string): Promise<{ journeys: number; unfolded: number; touches: number }> {
  const [row] = await t.sql<{ journeys: string; unfolded: string; touches: string }>(
    `select (select count(*) from journey where organization_id = ?) as journeys,
       (select count(*) from journey_unfolded where organization_id = ?) as unfolded,
       (select count(*) from touch t join journey j on j.id = t.journey_id where j.organization_id = ?) as touches`,
    [organizationId, organizationId, organizationId],
  );
  return { journeys: Number(row?.journeys), unfolded: Number(row?.unfolded), touches: Number(row?.touches) };
}

async function setRunsUsed(user: SignedUpUser, used: number): Promise<void> {
  await t.sql(
    "insert into usage_counter (organization_id, metric, period_start, used) values (?, 'ATTRIBUTION_RUNS', ?, ?)",
    [user.organizationId, (await usage(user)).periodStart, used],
  );
}

describe('trackJourney in one statement', () => {
  it('refused by the stored-journey allowance, it stores nothing and its run is not charged', async () => {
    const user = await t.signUp();
    await setRunsUsed(user, 7);
    // FREE stores 10,000 journeys: the count says they are all taken.
    await t.sql('insert into stored_journey_count (organization_id, stored) values (?, 10000)', [user.organizationId]);

    const refused = await t.graphql(TRACK, { input: JOURNEY }, { cookie: user.cookie });
    expect(refused.status).toBe(402);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'JOURNEY_ALLOWANCE_EXCEEDED',
      plan: 'FREE',
      limit: 10_000,
      used: 10_000,
      requested: 1,
    });
    expect(await rowsOf(user.organizationId)).toEqual({ journeys: 0, unfolded: 0, touches: 0 });
    expect(await usage(user)).toMatchObject({ runs: 7, stored: 10_000 });
  });

  it('refused by the quota, it stores nothing and takes no room in the allowance', async () => {
    const user = await t.signUp();
    await t.graphql(TRACK, { input: JOURNEY }, { cookie: user.cookie });
    await t.sql("update usage_counter set used = 500 where organization_id = ? and metric = 'ATTRIBUTION_RUNS'", [
      user.organizationId,
    ]);

    const refused = await t.graphql(TRACK, { input: JOURNEY }, { cookie: user.cookie });
    expect(refused.status).toBe(402);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'PLAN_LIMIT_EXCEEDED',
      metric: 'ATTRIBUTION_RUNS',
      plan: 'FREE',
      used: 500,
      limit: 500,
    });
    expect(await rowsOf(user.organizationId)).toEqual({ journeys: 1, unfolded: 1, touches: 2 });
    expect(await usage(user)).toMatchObject({ runs: 500, stored: 1 });
  });

  it('30 concurrent tracks for one organization with 10 runs left: used = successes = stored journeys', async () => {
    const user = await t.signUp();
    await setRunsUsed(user, 490);
    const results = await Promise.all(
      Array.from({ length: 30 }, () => t.graphql(TRACK, { input: JOURNEY }, { cookie: user.cookie })),
    );
    const succeeded = results.filter((result) => !result.errors).length;
    const codes = new Set(results.filter((result) => result.errors).map((r) => r.errors?.[0]?.extensions?.code));

    expect(succeeded).toBe(10);
    expect([...codes]).toEqual(['PLAN_LIMIT_EXCEEDED']);
    expect(await usage(user)).toMatchObject({ runs: 490 + succeeded, stored: succeeded });
    expect(await rowsOf(user.organizationId)).toEqual({
      journeys: succeeded,
      unfolded: succeeded,
      touches: 2 * succeeded,
    });
  });
});

describe('take_stored_room', () => {
  it('raises its own SQLSTATE with the stored count in DETAIL, so one statement can abort', async () => {
    const user = await t.signUp();
    await t.sql('insert into stored_journey_count (organization_id, stored) values (?, 4)', [user.organizationId]);
    const call = pgQuery(t.app.orm, 'select take_stored_room($1, $2, $3)', [user.organizationId, 2, 5]);
    await expect(call).rejects.toMatchObject({ code: STORED_ROOM_REFUSED, detail: '4' });
    expect(
      await pgQuery(t.app.orm, 'select take_stored_room($1, $2, $3) as stored', [user.organizationId, 1, 5]),
    ).toEqual([{ stored: 5 }]);
  });
});
