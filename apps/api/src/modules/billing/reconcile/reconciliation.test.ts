import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedUpUser } from '../../../test/harness.js';
import { startBillingKit, type BillingKit } from '../test/billing-test-kit.js';

let kit: BillingKit;
beforeAll(async () => {
  kit = await startBillingKit();
  // Rows other files left behind belong to their own emulators: to this one they are all missing.
  await kit.t.resetDatabase();
});
afterAll(() => kit.stop());

async function subscriptionIdOf(user: SignedUpUser): Promise<string> {
  const [row] = await kit.t.sql<{ stripe_subscription_id: string }>(
    'select stripe_subscription_id from billing_subscription where organization_id = ?',
    [user.organizationId],
  );
  if (!row) throw new Error('no subscription row');
  return row.stripe_subscription_id;
}

async function cancelAtPeriodEndOf(stripeSubscriptionId: string): Promise<boolean | undefined> {
  const [row] = await kit.t.sql<{ cancel_at_period_end: boolean }>(
    'select cancel_at_period_end from billing_subscription where stripe_subscription_id = ?',
    [stripeSubscriptionId],
  );
  return row?.cancel_at_period_end;
}

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${kit.t.url}/metrics`)).text();
  const value = new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1];
  return value === undefined ? 0 : Number(value);
}

/** Makes the database refuse every write of one subscription's row, as a violated constraint would. */
async function refuseWritesOf(stripeSubscriptionId: string): Promise<() => Promise<void>> {
  await kit.t.sql(`create or replace function b1_refuse_write() returns trigger language plpgsql as $$
    begin raise exception 'row refused by the test'; end $$`);
  await kit.t.sql(`create trigger b1_refuse_write before insert or update on billing_subscription for each row
    when (new.stripe_subscription_id = '${stripeSubscriptionId}') execute function b1_refuse_write()`);
  return async () => {
    await kit.t.sql('drop trigger if exists b1_refuse_write on billing_subscription');
    await kit.t.sql('drop function if exists b1_refuse_write()');
  };
}

describe('a reconciliation run', () => {
  it('repairs every other subscription on every page when one of them fails, and reports the failure', async () => {
    const users = [await kit.t.signUp(), await kit.t.signUp(), await kit.t.signUp()];
    for (const user of users) await kit.subscribe(user, 'PRO');
    const ids = await Promise.all(users.map(subscriptionIdOf));
    // Changed in Stripe while the webhooks are lost: only the reconciliation can bring them over.
    kit.emulator.holdDeliveries();
    for (const id of ids) await kit.stripe.subscriptions.update(id, { cancel_at_period_end: true });
    const failing = ids[1] ?? '';
    const allowWrites = await refuseWritesOf(failing);
    const failuresBefore = await metric('aa_billing_reconcile_failures_total');
    try {
      // One subscription per page: Stripe lists the newest first, so the failing one sits between two pages.
      const report = await kit.t.app.services.billing.reconciliation.run('manual', { pageSize: 1 });

      expect(report.failed).toBe(1);
      expect(report.failures).toEqual([
        { stripeSubscriptionId: failing, error: expect.stringContaining('row refused by the test') },
      ]);
      expect(report.repaired).toBe(2);
      expect(report.checked).toBeGreaterThanOrEqual(3);
      expect(report.missingInStripe).toBe(0);
      expect(await cancelAtPeriodEndOf(ids[0] ?? '')).toBe(true);
      expect(await cancelAtPeriodEndOf(failing)).toBe(false);
      expect(await cancelAtPeriodEndOf(ids[2] ?? '')).toBe(true);
      expect(await metric('aa_billing_reconcile_failures_total')).toBe(failuresBefore + 1);
    } finally {
      await allowWrites();
    }
    // The next run picks up the one that failed.
    const next = await kit.t.app.services.billing.reconciliation.run('manual');
    expect(next).toMatchObject({ failed: 0, repaired: 1 });
    expect(await cancelAtPeriodEndOf(failing)).toBe(true);
    await kit.emulator.releaseDeliveries();
    await kit.settled();
  });

  it('reports a live row whose subscription Stripe no longer has, and ends it so it grants no plan', async () => {
    const user = await kit.t.signUp();
    const vanished = `sub_vanished${randomUUID().replaceAll('-', '').slice(0, 14)}`;
    const now = Date.now();
    // As after "Delete all test data" in the Dashboard: our row stays, Stripe forgets the subscription.
    await kit.t.sql(
      `insert into billing_subscription (id, organization_id, stripe_customer_id, stripe_subscription_id, stripe_price_id, plan_tier, status,
         current_period_start, current_period_end, cancel_at_period_end, created_at, updated_at)
       values (?, ?, 'cus_vanished', ?, ?, 'PRO', 'active', ?, ?, false, now(), now())`,
      [
        randomUUID(),
        user.organizationId,
        vanished,
        kit.emulator.priceIds.PRO,
        new Date(now - 86_400_000),
        new Date(now + 29 * 86_400_000),
      ],
    );
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });

    const report = await kit.t.app.services.billing.reconciliation.run('manual');

    expect(report.missingInStripe).toBe(1);
    expect(report.missing).toEqual([
      { stripeSubscriptionId: vanished, organizationId: user.organizationId, status: 'active' },
    ]);
    expect(report.failed).toBe(0);
    expect(await kit.planOf(user)).toEqual({ tier: 'FREE', runs: 500 });
    const [row] = await kit.t.sql('select status from billing_subscription where stripe_subscription_id = ?', [
      vanished,
    ]);
    expect(row).toEqual({ status: 'canceled' });
    const repairs = await kit.t.sql('select changes, source from billing_repair where stripe_subscription_id = ?', [
      vanished,
    ]);
    expect(repairs).toEqual([{ changes: { status: { from: 'active', to: 'canceled' } }, source: 'manual' }]);

    // Reported once: an ended row grants nothing, so the next run has nothing to say about it.
    expect(await kit.t.app.services.billing.reconciliation.run('manual')).toMatchObject({
      missingInStripe: 0,
      failed: 0,
    });
  });
});
