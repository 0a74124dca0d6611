import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscriptionLockKey } from './subscription-sync.js';
import { postSignedWebhook, startBillingKit, type BillingKit } from './test/billing-test-kit.js';

let kit: BillingKit;
beforeAll(async () => {
  kit = await startBillingKit();
});
afterAll(() => kit.stop());

async function statusOf(eventId: string): Promise<string | undefined> {
  const [row] = await kit.t.sql<{ status: string }>('select status from stripe_webhook_event where id = ?', [eventId]);
  return row?.status;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Holds a subscription's sync lock from another connection, as a slow writer would, until released. */
async function holdSubscriptionLock(subscriptionId: string): Promise<{ release: () => Promise<void> }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const holder = kit.t.app.orm.em.fork().transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [subscriptionLockKey(subscriptionId)]);
    locked();
    await released;
  });
  await isLocked;
  return {
    async release() {
      release();
      await holder;
    },
  };
}

describe('a redelivery while the first delivery is still being applied', () => {
  it('is answered 200 without recording or applying anything again; the event is applied once', async () => {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    const [row] = await kit.t.sql<{ stripe_subscription_id: string; stripe_customer_id: string }>(
      'select stripe_subscription_id, stripe_customer_id from billing_subscription where organization_id = ?',
      [user.organizationId],
    );
    const subscriptionId = row?.stripe_subscription_id ?? '';
    const eventId = `evt_concurrent_${subscriptionId}`;
    const payload = JSON.stringify({
      id: eventId,
      object: 'event',
      type: 'customer.subscription.updated',
      api_version: '2026-10-28.endive',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: { object: { id: subscriptionId, object: 'subscription', customer: row?.stripe_customer_id } },
    });

    // Our row lags Stripe (the change this event announces), so applying it writes under the subscription's lock.
    await kit.t.sql(
      'update billing_subscription set cancel_at_period_end = not cancel_at_period_end where stripe_subscription_id = ?',
      [subscriptionId],
    );
    const lock = await holdSubscriptionLock(subscriptionId);
    const first = await postSignedWebhook(kit.t.url, payload);
    expect(await first.json()).toEqual({ received: true, status: 'received' });
    await until(async () => (await statusOf(eventId)) === 'processing');
    const second = await postSignedWebhook(kit.t.url, payload);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ received: true, status: 'duplicate' });
    expect(await statusOf(eventId)).toBe('processing');

    await lock.release();
    expect(await kit.applied(eventId)).toBe('processed');
    const [stored] = await kit.t.sql<{ attempts: number }>('select attempts from stripe_webhook_event where id = ?', [
      eventId,
    ]);
    expect(stored?.attempts).toBe(1);
  });
});
