import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgQuery } from '../../db/sql.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { QUOTA_REFUSED, UsageStore, type DayKey } from './usage.store.js';

/** The quota rule lives in one PostgreSQL function (take_usage_units), for every caller. */
let t: TestApp;
let store: UsageStore;
beforeAll(async () => {
  t = await startTestApp();
  store = new UsageStore(t.app.orm);
});
afterAll(() => t.stop());

async function keyOfNewOrganization(day: number): Promise<DayKey> {
  const { organizationId } = await t.signUp();
  return { organizationId, metric: 'ATTRIBUTION_RUNS', periodStart: new Date('2026-07-01T00:00:00Z'), day };
}

describe('usage counter', () => {
  it('takes units while they fit, counting them on their day, and says how many were used when refused', async () => {
    const key = await keyOfNewOrganization(2);
    expect(await store.reserve(key, 6, 10)).toEqual({ taken: true, used: 6 });
    expect(await store.reserve({ ...key, day: 0 }, 4, 10)).toEqual({ taken: true, used: 10 });
    expect(await store.reserve(key, 1, 10)).toEqual({ taken: false, used: 10 });
    expect(await store.usedDaily(key)).toEqual({ used: 10, daily: [4, 0, 6] });
  });

  it('refuses a first reservation larger than the limit without creating the counter', async () => {
    const key = await keyOfNewOrganization(0);
    expect(await store.reserve(key, 11, 10)).toEqual({ taken: false, used: 0 });
    expect(await store.usedDaily(key)).toEqual({ used: 0, daily: [] });
  });

  it('take_usage_units raises its own SQLSTATE with the used count in DETAIL, so one statement can abort', async () => {
    const key = await keyOfNewOrganization(0);
    await store.reserve(key, 3, 3);
    const call = pgQuery(t.app.orm, 'select take_usage_units($1, $2, $3, $4, $5, $6)', [
      key.organizationId,
      key.metric,
      key.periodStart,
      1,
      1,
      3,
    ]);
    await expect(call).rejects.toMatchObject({ code: QUOTA_REFUSED, detail: '3' });
  });
});
