import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { startBillingKit, WEBHOOK_SECRET, type BillingKit } from '../test/billing-test-kit.js';
import { graphql } from '../../../test/gql/index.js';

const CRON = '0 3 * * *';
let kit: BillingKit;
let secondInstance: TestApp;
const stripeOfKit = () => ({
  secretKey: kit.emulator.secretKey,
  webhookSecret: WEBHOOK_SECRET,
  priceIds: kit.emulator.priceIds,
  api: { host: kit.emulator.host, port: kit.emulator.port, protocol: 'http' as const },
});
beforeAll(async () => {
  kit = await startBillingKit({ RECONCILE_SCHEDULE: CRON });
  secondInstance = await startTestApp({ env: { RECONCILE_SCHEDULE: CRON }, stripe: stripeOfKit() });
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

/** What the cron tick does: one job on the queue, which one of the instances takes. */
async function tick(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, max: 1 });
  await boss.start();
  try {
    await boss.send('billing-reconcile', {});
  } finally {
    await boss.stop({ graceful: false });
  }
}

describe('the daily reconciliation on pg-boss', () => {
  it('is scheduled once for two instances, and a job on its queue repairs the drift', async () => {
    const schedules = await kit.t.sql<{ name: string; cron: string; timezone: string }>(
      'select name, cron, timezone from pgboss.schedule',
    );
    expect(schedules).toEqual([{ name: 'billing-reconcile', cron: CRON, timezone: 'UTC' }]);

    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    const [row] = await kit.t.sql<{ stripe_subscription_id: string }>(
      'select stripe_subscription_id from billing_subscription where organization_id = ?',
      [user.organizationId],
    );
    const subscriptionId = row?.stripe_subscription_id ?? '';
    kit.emulator.holdDeliveries();
    await kit.stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });

    await tick(inject('databaseUrl'));
    const repairs = await until(async () => {
      const found = await kit.t.sql<{ source: string }>(
        'select source from billing_repair where stripe_subscription_id = ?',
        [subscriptionId],
      );
      return found.length > 0 ? found : undefined;
    }, 'the scheduled reconciliation');
    expect(repairs).toEqual([{ source: 'schedule' }]);
    const subscription = await kit.t.graphql(
      graphql(`
        query ReconcileSchedulerSubscription {
          subscription {
            cancelAtPeriodEnd
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(subscription.data?.subscription).toEqual({ cancelAtPeriodEnd: true });
    await kit.emulator.releaseDeliveries();
    await kit.settled();
  });
});

describe('the daily reconciliation on the embedded database (no DATABASE_URL)', () => {
  // A fresh PGlite data directory runs initdb and every migration in WASM: tens of seconds on a busy machine.
  it(
    'is scheduled in PGlite, once however often the app starts, and its job runs the reconciliation',
    { timeout: 180_000 },
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'aa-reconcile-pglite-'));
      const app = await startTestApp({
        env: { DATABASE_URL: '', PGLITE_DATA_DIR: dataDir, RECONCILE_SCHEDULE: CRON },
        stripe: stripeOfKit(),
      });
      try {
        expect(app.app.databaseMode).toBe('embedded');
        // A restart registers the same schedule again: still one row, so still one run a day.
        await app.restart();
        expect(await app.sql('select name, cron, timezone from pgboss.schedule')).toEqual([
          { name: 'billing-reconcile', cron: CRON, timezone: 'UTC' },
        ]);

        // Something for the run to find: a live row whose subscription Stripe has never heard of.
        const user = await app.signUp();
        const vanished = `sub_vanished${randomUUID().replaceAll('-', '').slice(0, 14)}`;
        await app.sql(
          `insert into billing_subscription (id, organization_id, stripe_customer_id, stripe_subscription_id, stripe_price_id, plan_tier, status,
           current_period_start, current_period_end, cancel_at_period_end, created_at, updated_at)
         values (?, ?, 'cus_vanished', ?, ?, 'PRO', 'active', now(), now() + interval '30 days', false, now(), now())`,
          [randomUUID(), user.organizationId, vanished, kit.emulator.priceIds.PRO],
        );
        await tick(app.app.orm.config.get('clientUrl') ?? '');
        const repairs = await until(async () => {
          const found = await app.sql<{ source: string }>(
            'select source from billing_repair where stripe_subscription_id = ?',
            [vanished],
          );
          return found.length > 0 ? found : undefined;
        }, 'the scheduled reconciliation on PGlite');
        expect(repairs).toEqual([{ source: 'schedule' }]);
      } finally {
        await app.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );
});
