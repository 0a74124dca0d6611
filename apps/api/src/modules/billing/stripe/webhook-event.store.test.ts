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
});
