import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { BillingCustomers } from './billing-customers.js';
import { BillingSubscriptionLookup } from './billing-subscription-lookup.js';
import type { SubscriptionSnapshot } from './subscription-snapshot.js';
import { SubscriptionStore } from './subscription.store.js';

const DAY = 86_400_000;

function proSnapshot(now: Date, status: SubscriptionSnapshot['status'] = 'active'): SubscriptionSnapshot {
  return {
    stripeSubscriptionId: `sub_cache_${randomUUID()}`,
    stripeCustomerId: 'cus_cache',
    stripePriceId: 'price_pro',
    tier: 'PRO',
    status,
    periodStart: now,
    periodEnd: new Date(now.getTime() + 30 * DAY),
    cancelAtPeriodEnd: false,
    cancelAt: null,
    latestInvoiceId: null,
    openInvoiceUrl: null,
    scheduleId: null,
    scheduledTier: null,
    scheduledAt: null,
    pendingTier: null,
    pendingInvoiceUrl: null,
    pendingExpiresAt: null,
  };
}

/**
 * The plan every metered request reads comes from a cache of live subscription rows (issue 12): these
 * are two instances' lookups on one database, each with its own store, as two API processes have.
 */
describe('the plan cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const instance = (revalidateMs: number) => {
    const store = new SubscriptionStore();
    const lookup = new BillingSubscriptionLookup(
      t.app.orm,
      store,
      new BillingCustomers(t.app.orm, t.clock),
      t.clock,
      3,
      {
        revalidateMs,
        maxEntries: 100,
      },
    );
    return { store, lookup };
  };

  it('serves a subscription written on this instance at once, and one written on another after its next check', async () => {
    const { organizationId } = await t.signUp();
    const here = instance(60_000);
    const elsewhere = instance(50);
    const unchecked = instance(60_000);
    for (const { lookup } of [here, elsewhere, unchecked])
      expect(await lookup.activeSubscription(organizationId)).toBeNull();

    const snapshot = proSnapshot(t.clock.now());
    await here.store.apply(t.app.orm.em.fork(), organizationId, snapshot, t.clock.now());

    expect((await here.lookup.activeSubscription(organizationId))?.tier).toBe('PRO');
    // Cached without a check for a minute: another instance's write is not seen yet (what the check is for).
    expect(await unchecked.lookup.activeSubscription(organizationId)).toBeNull();
    // Checked every 50 ms: seen as soon as a check has run.
    await expect
      .poll(async () => (await elsewhere.lookup.activeSubscription(organizationId))?.tier ?? 'FREE', { interval: 20 })
      .toBe('PRO');

    await here.store.markEnded(t.app.orm.em.fork(), snapshot.stripeSubscriptionId, t.clock.now());
    expect(await here.lookup.activeSubscription(organizationId)).toBeNull();
    await expect
      .poll(async () => (await elsewhere.lookup.activeSubscription(organizationId))?.tier ?? 'FREE', { interval: 20 })
      .toBe('FREE');
  });

  it('works out from the cached row and the clock whether a past-due subscription still grants its plan', async () => {
    const { organizationId } = await t.signUp();
    const { store, lookup } = instance(60_000);
    await store.apply(t.app.orm.em.fork(), organizationId, proSnapshot(t.clock.now(), 'past_due'), t.clock.now());
    expect((await lookup.activeSubscription(organizationId))?.tier).toBe('PRO');
    // Past the 3 grace days, with no write and no check in between: the same cached row, now FREE.
    t.clock.set(new Date(t.clock.now().getTime() + 4 * DAY));
    expect(await lookup.activeSubscription(organizationId)).toBeNull();
  });
});
