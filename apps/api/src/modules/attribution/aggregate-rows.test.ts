import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPgTransaction } from '../../db/sql.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { aggregateRowsQuery, type AggregateRow } from './path-aggregate.store.js';
import { JourneyStore } from './journey.store.js';
import { TestSubscriptions } from './test-fixtures.js';

/*
 * A report reads one aggregate row per path: the window's (day, path, span) rows are summed in
 * PostgreSQL, and TIME_DECAY's credit arrays arrive as the path's rows' arrays for the reader to add.
 */

const BASE = Date.parse('2026-03-01T12:00:00Z');
const DAY = 86_400_000;

let t: TestApp;
const subscriptions = new TestSubscriptions({ start: new Date(BASE - 60 * DAY), end: new Date(BASE + 90 * DAY) });

beforeAll(async () => {
  t = await startTestApp({ subscriptions });
});
afterAll(() => t.stop());

async function rowsOf(organizationId: string, withDecay: boolean, window: { from: string | null; to: string | null }) {
  const range = { ...window, timeless: window.from === null && window.to === null };
  const { sql, params } = aggregateRowsQuery(organizationId, range, 30, withDecay);
  return withPgTransaction(
    t.app.orm,
    'snapshot read',
    async (client) => (await client.query<AggregateRow>(sql, params)).rows,
  );
}

describe('aggregate rows of a window', () => {
  it('come one per path, summed over days and spans, with the per-row credit arrays to add', async () => {
    const user = await t.signUp();
    subscriptions.subscribe(user.organizationId, 'SCALE');
    const entitlements = await t.app.services.entitlements.forOrganization(user.organizationId);
    // search > email converting on three days, with spans of 1, 2 and 3 days; direct once.
    const journeys = [1, 2, 3].map((day) => ({
      touches: [
        { channel: 'search', at: new Date(BASE + day * DAY - day * DAY) },
        { channel: 'email', at: new Date(BASE + day * DAY - 3_600_000) },
      ],
      convertedAt: new Date(BASE + day * DAY),
      value: 10 * day,
    }));
    journeys.push({
      touches: [{ channel: 'direct', at: new Date(BASE) }],
      convertedAt: new Date(BASE + DAY),
      value: 5,
    });
    for (const journey of journeys)
      await t.app.services.attribution.journeys.track(user.organizationId, entitlements, { ...journey, models: [] });
    await new JourneyStore(t.app.orm).fold(user.organizationId);

    const window = { from: '2026-03-01', to: '2026-03-10' };
    const rows = await rowsOf(user.organizationId, true, window);
    expect(rows.map((row) => row.channels.join(' > ')).sort()).toEqual(['direct', 'search > email']);
    const searchEmail = rows.find((row) => row.channels[0] === 'search')!;
    expect(searchEmail).toMatchObject({ journeys: 3, conversions: 3, value: 60, nulls: 0 });
    expect(searchEmail.decay_conversions).toHaveLength(3);
    for (const credit of searchEmail.decay_conversions!) expect(credit).toHaveLength(2);
    const summed = searchEmail.decay_conversions!.reduce((sum, credit) => sum + credit[0]! + credit[1]!, 0);
    expect(summed).toBeCloseTo(3, 12);

    const withoutDecay = await rowsOf(user.organizationId, false, { from: null, to: null });
    expect(withoutDecay).toHaveLength(2);
    expect(withoutDecay.every((row) => row.decay_conversions === null && row.decay_value === null)).toBe(true);
  });
});
