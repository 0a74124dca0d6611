import type { PoolClient } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { WebhookEventStore } from './webhook-event.store.js';

let t: TestApp;
beforeAll(async () => {
  // No Stripe configured: no worker claims these events but the test's own store.
  t = await startTestApp({ env: { RECONCILE_SCHEDULE: 'off' } });
});
afterAll(() => t.stop());

/** Three events about one subscription, as Stripe would send them. */
function eventsAboutOneObject(tag: string) {
  const objectId = `sub_${tag}_${Date.now()}`;
  return [1, 2, 3].map((n) => ({
    id: `evt_${tag}_${Date.now()}_${n}`,
    type: 'customer.subscription.updated',
    data: { object: { id: objectId, object: 'subscription', note: `change ${n}` } },
  }));
}

describe('the webhook log', () => {
  it('hands a claim the payload of the first event about an object only; the others are read when asked for', async () => {
    const receiver = `acct_heads_${Date.now()}`;
    const store = new WebhookEventStore(t.app.orm, t.clock, receiver);
    const events = eventsAboutOneObject('heads');
    for (const event of events) expect(await store.record(event, JSON.stringify(event))).toBe(true);

    // Events another file left unapplied may come too (no receiver: any instance's); all go back after.
    const claimedRows = await t.sql<{ id: string; payload: string | null }>(
      "select id, payload from claim_webhook_events(now(), ?, 5, '-infinity', 1000)",
      [receiver],
    );
    await store.release(claimedRows.map(({ id }) => id));
    const rows = claimedRows.filter(({ id }) => events.some((event) => event.id === id));
    expect(rows).toHaveLength(3);
    const sent = rows.filter(({ payload }) => payload !== null);
    expect(sent.map(({ id }) => id)).toEqual([events[0]!.id]);
    expect(JSON.parse(sent[0]!.payload!)).toEqual(events[0]);

    const everyClaimed = await store.claimDue(1000, 5);
    await store.release(everyClaimed.map(({ id }) => id));
    const claimed = everyClaimed.filter(({ id }) => events.some((event) => event.id === id));
    expect(claimed).toHaveLength(3);
    for (const one of claimed) expect(await one.load()).toEqual(events.find(({ id }) => id === one.id));
  });

  it('gives claimed events back as they were: received ones received, failed ones failed, attempts as before', async () => {
    const receiver = `acct_release_${Date.now()}`;
    const store = new WebhookEventStore(t.app.orm, t.clock, receiver);
    const events = eventsAboutOneObject('release');
    for (const event of events) await store.record(event, JSON.stringify(event));
    const ids = events.map(({ id }) => id);
    const ours = async () => {
      const claimed = await store.claimDue(1000, 5);
      // Another file's unapplied events (any instance's) go straight back.
      await store.release(claimed.filter(({ id }) => !ids.includes(id)).map(({ id }) => id));
      return claimed.filter(({ id }) => ids.includes(id));
    };

    await store.fail([ids[0]!], 'Stripe was away', 0);
    expect((await ours()).map(({ attempts }) => attempts)).toEqual([1, 1, 1]);
    await store.release(ids);
    const after = await t.sql<{ id: string; status: string; attempts: number; last_error: string | null }>(
      'select id, status, attempts, last_error from stripe_webhook_event where id in (?) order by id',
      [ids],
    );
    expect(after).toEqual([
      { id: ids[0], status: 'failed', attempts: 0, last_error: 'Stripe was away' },
      { id: ids[1], status: 'received', attempts: 0, last_error: null },
      { id: ids[2], status: 'received', attempts: 0, last_error: null },
    ]);
    // Due at once again, to whichever instance claims next.
    expect(await ours()).toHaveLength(3);
    await store.release(ids);
  });

  it('claims and settles events by primary key even when planned with the statistics of a nearly empty log', async () => {
    // A burst grows the log from nothing to thousands of rows before autovacuum analyzes it again; a
    // plan made from the small table's statistics (a hash join over a sequential scan) would read every
    // row version in the log, dead ones included, per claim and per batch of outcomes.
    const receiver = `acct_plans_${Date.now()}`;
    const store = new WebhookEventStore(t.app.orm, t.clock, receiver);
    const events = eventsAboutOneObject('plans');
    for (const event of events) await store.record(event, JSON.stringify(event));
    await t.sql('analyze stripe_webhook_event');
    const ids = events.map(({ id }) => id);

    const pool = await t.app.orm.em.getConnection().getNativeClient();
    const client = await pool.connect();
    try {
      await client.query('begin');
      const before = await scansOfTheLog(client);
      const claimed = await client.query<{ id: string }>(
        "select id from claim_webhook_events(now(), $1, 5, '-infinity', 1000)",
        [receiver],
      );
      expect(claimed.rows.map(({ id }) => id)).toEqual(expect.arrayContaining(ids));
      await client.query('select finish_webhook_events(now(), $1, $2, $3, $4)', [
        ids,
        ids.map(() => 'processed'),
        ids.map(() => null),
        ids.map(() => 'applied'),
      ]);
      // The scans these two statements made of the log: index scans only.
      const after = await scansOfTheLog(client);
      expect(after.idx_scan - before.idx_scan).toBeGreaterThan(0);
      expect(after.seq_scan - before.seq_scan).toBe(0);
      const settled = await client.query<{ status: string }>(
        'select status from stripe_webhook_event where id = any($1)',
        [ids],
      );
      expect(settled.rows.map(({ status }) => status)).toEqual(['processed', 'processed', 'processed']);
    } finally {
      // Rolled back: other files' events this claim took stay as they were.
      await client.query('rollback');
      client.release();
    }
  });
});

/** This connection's scans of the log that its statistics have not yet published (including earlier transactions'). */
async function scansOfTheLog(client: PoolClient): Promise<{ seq_scan: number; idx_scan: number }> {
  const { rows } = await client.query<{ seq_scan: string; idx_scan: string }>(
    "select seq_scan, idx_scan from pg_stat_xact_user_tables where relname = 'stripe_webhook_event'",
  );
  return { seq_scan: Number(rows[0]!.seq_scan), idx_scan: Number(rows[0]!.idx_scan) };
}
