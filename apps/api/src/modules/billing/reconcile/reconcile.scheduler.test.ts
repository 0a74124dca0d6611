import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { startBillingKit, WEBHOOK_SECRET, type BillingKit } from '../test/billing-test-kit.js';

const CRON = '0 3 * * *';
let kit: BillingKit;
let secondInstance: TestApp;
beforeAll(async () => {
  kit = await startBillingKit({ RECONCILE_SCHEDULE: CRON });
  secondInstance = await startTestApp({
    env: { RECONCILE_SCHEDULE: CRON },
    stripe: {
      secretKey: kit.emulator.secretKey,
      webhookSecret: WEBHOOK_SECRET,
      priceIds: kit.emulator.priceIds,
      api: { host: kit.emulator.host, port: kit.emulator.port, protocol: 'http' },
    },
  });
});
afterAll(async () => {
  await secondInstance.stop();
  await kit.stop();
});

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the daily reconciliation on pg-boss', () => {
  it('is scheduled once for two instances, and a job on its queue repairs the drift', async () => {
    const schedules = await kit.t.sql<{ name: string; cron: string; timezone: string }>('select name, cron, timezone from pgboss.schedule');
    expect(schedules).toEqual([{ name: 'billing-reconcile', cron: CRON, timezone: 'UTC' }]);

    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    const [row] = await kit.t.sql<{ stripe_subscription_id: string }>('select stripe_subscription_id from billing_subscription where organization_id = ?', [
      user.organizationId,
    ]);
    const subscriptionId = row?.stripe_subscription_id ?? '';
    kit.emulator.holdDeliveries();
    await kit.stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });

    // What the cron tick does: one job on the queue, which one of the instances takes.
    const boss = new PgBoss({ connectionString: inject('databaseUrl'), max: 1 });
    await boss.start();
    try {
      await boss.send('billing-reconcile', {});
    } finally {
      await boss.stop({ graceful: false });
    }
    const repairs = await until(async () => {
      const found = await kit.t.sql<{ source: string }>('select source from billing_repair where stripe_subscription_id = ?', [subscriptionId]);
      return found.length > 0 ? found : undefined;
    }, 'the scheduled reconciliation');
    expect(repairs).toEqual([{ source: 'schedule' }]);
    const subscription = await kit.t.graphql('{ subscription { cancelAtPeriodEnd } }', {}, { cookie: user.cookie });
    expect(subscription.data?.subscription).toEqual({ cancelAtPeriodEnd: true });
    await kit.emulator.releaseDeliveries();
    await kit.settled();
  });
});
