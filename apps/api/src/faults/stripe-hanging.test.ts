import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countsOf, inParallel, startHangingServer, trackJourney, type HangingServer } from '../test/fault-kit.js';
import { startTestApp, type SignedUpUser, type TestApp } from '../test/harness.js';

/*
 * Stripe accepts connections and never answers. Billing calls must give up within their deadline
 * (BILLING_PROVIDER_UNAVAILABLE) and, holding no database connection or lock while they wait, leave
 * the rest of the API as it was: metered calls complete while every checkout is still waiting.
 */
const DEADLINE_MS = 3000;
const CHECKOUTS = 10;
const METERED = 20;
const WEBHOOK_SECRET = 'whsec_hanging';

let hanging: HangingServer;
let t: TestApp;

beforeAll(async () => {
  hanging = await startHangingServer();
  t = await startTestApp({
    env: {
      RECONCILE_SCHEDULE: 'off',
      // Fewer connections than checkouts: today's checkout held one per call while Stripe hung.
      DATABASE_POOL_SIZE: '5',
      STRIPE_TIMEOUT_MS: String(DEADLINE_MS),
      STRIPE_MAX_NETWORK_RETRIES: '1',
    },
    stripe: {
      secretKey: 'sk_test_hanging',
      webhookSecret: WEBHOOK_SECRET,
      priceIds: { PRO: 'price_pro', SCALE: 'price_scale' },
      api: { host: '127.0.0.1', port: hanging.port, protocol: 'http' },
    },
  });
});

afterAll(async () => {
  await t?.stop();
  await hanging?.close();
});

describe('Stripe hanging', () => {
  it('fails checkouts within the deadline with BILLING_PROVIDER_UNAVAILABLE while metered calls complete', async () => {
    const admins: SignedUpUser[] = await inParallel(CHECKOUTS, 2, () => t.signUp());
    const metered = await t.signUp();
    const apiKey = await t.createApiKey(metered);

    let checkoutsSettled = 0;
    const checkouts = admins.map(async (admin) => {
      const started = performance.now();
      const result = await t.graphql('mutation { createCheckoutSession(planTier: PRO) { id url } }', {}, admin);
      checkoutsSettled += 1;
      return { result, elapsedMs: performance.now() - started };
    });
    // Every checkout is waiting on Stripe (one connection each, or queued for one).
    await hanging.accepted(1);

    const tracked = await inParallel(METERED, 4, (index) => trackJourney(t, { apiKey }, index));
    expect(checkoutsSettled).toBe(0);
    expect(tracked.map((result) => result.errors ?? null)).toEqual(tracked.map(() => null));

    const outcomes = await Promise.all(checkouts);
    for (const { result, elapsedMs } of outcomes) {
      expect(result.errors?.[0]?.extensions?.code).toBe('BILLING_PROVIDER_UNAVAILABLE');
      // The deadline bounds the Stripe part; the rest is a few database reads.
      expect(elapsedMs).toBeLessThan(DEADLINE_MS + 2000);
    }
    expect(await countsOf(inject('databaseUrl'), metered.organizationId)).toEqual({
      charged: METERED,
      journeys: METERED,
    });
    const customers = await t.sql('select 1 from billing_customer where organization_id in (?)', [
      admins.map((admin) => admin.organizationId),
    ]);
    expect(customers).toHaveLength(0);
  });

  it('holds no database connection while a webhook waits on Stripe: metered calls complete meanwhile', async () => {
    const metered = await t.signUp();
    const apiKey = await t.createApiKey(metered);
    const before = hanging.connections();

    const subscriptionIds = Array.from({ length: CHECKOUTS }, (_, index) => `sub_hanging_${index}_${Date.now()}`);
    // Recorded and answered at once; the worker applies them, each asking Stripe for its subscription.
    const answers = await Promise.all(subscriptionIds.map((id) => postSubscriptionUpdated(id)));
    expect(answers.map((response) => response.status)).toEqual(answers.map(() => 200));
    await hanging.accepted(before + 1);

    const tracked = await inParallel(METERED, 4, (index) => trackJourney(t, { apiKey }, index));
    expect(tracked.map((result) => result.errors ?? null)).toEqual(tracked.map(() => null));
    // Not applied while Stripe hangs: they stay in the log to be retried.
    const events = await t.sql<{ status: string }>('select status from stripe_webhook_event where id in (?)', [
      subscriptionIds.map((id) => `evt_${id}`),
    ]);
    expect(events).toHaveLength(CHECKOUTS);
    expect(events.filter((event) => event.status === 'processed')).toEqual([]);
  });
});

/** A signed customer.subscription.updated for a subscription the sync has to fetch from Stripe. */
function postSubscriptionUpdated(subscriptionId: string): Promise<Response> {
  const payload = JSON.stringify({
    id: `evt_${subscriptionId}`,
    object: 'event',
    type: 'customer.subscription.updated',
    api_version: '2025-03-31.basil',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: { id: subscriptionId, object: 'subscription' } },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  return fetch(`${t.url}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });
}
