import { startStripeEmulator, type StripeEmulator } from '@aa/stripe-emulator';
import type { PlanTier } from '@aa/plans';
import { createServer } from 'node:net';
import Stripe from 'stripe';
import { startTestApp, type SignedUpUser, type TestApp } from '../../../test/harness.js';
import { graphql } from '../../../test/gql/index.js';

export const WEBHOOK_SECRET = 'whsec_billingtestsecret0123456789';
export const CARD_OK = '4242424242424242';
/** Stripe's 0341 card: attaches, then every charge fails (Checkout declines it). See `useFailingCard`. */
export const CARD_CHARGES_FAIL = '4000000000000341';

export interface BillingKit {
  t: TestApp;
  emulator: StripeEmulator;
  /** The SDK pointed at the emulator, as the app uses it. */
  stripe: Stripe;
  checkout(user: SignedUpUser, tier: PlanTier): Promise<{ id: string; url: string }>;
  /** Pays a Checkout Session the way the hosted page does. */
  completeCheckout(sessionId: string, cardNumber?: string): Promise<void>;
  /** Checkout + payment + every resulting webhook applied. */
  subscribe(user: SignedUpUser, tier: PlanTier, cardNumber?: string): Promise<void>;
  /** Every delivery done and every event delivered applied (or failed for good): the webhook log is idle. */
  settled(): Promise<void>;
  /** Resolves once the event is applied (processed or ignored), or has failed every attempt it gets. */
  applied(eventId: string): Promise<string>;
  /**
   * Makes a 0341 card the default of the organization's customer and subscription (Checkout made the
   * paying card the subscription's default, which wins), so the next charge, e.g. a renewal, fails.
   */
  useFailingCard(user: SignedUpUser): Promise<void>;
  /** Every Stripe API request the emulator served so far, one line each: `POST /v1/billing_portal/sessions -> 200 [req_…]`. */
  apiRequests(): string[];
  planOf(user: SignedUpUser): Promise<{ tier: string; runs: number }>;
  /** A customer on a new Stripe test clock, adopted as the organization's customer before checkout. */
  onTestClock(user: SignedUpUser): Promise<{ clockId: string; frozenTime: number }>;
  /** The Stripe id of the organization's (only) subscription row. */
  subscriptionIdOf(user: SignedUpUser): Promise<string>;
  stop(): Promise<void>;
}

/** The real app against this run's database, with the Stripe emulator on a free port delivering to it. */
export async function startBillingKit(env: Record<string, string> = {}): Promise<BillingKit> {
  // Short retries: a failed delivery is retried within the test, not in two seconds.
  const apiRequests: string[] = [];
  const emulator = await startStripeEmulator({
    port: 0,
    webhookSecret: WEBHOOK_SECRET,
    retry: { attempts: 3, baseDelayMs: 50 },
    log: (line) => apiRequests.push(line),
  });
  const t = await startTestApp({
    env: {
      RECONCILE_SCHEDULE: 'off',
      STRIPE_MAX_NETWORK_RETRIES: '1',
      STRIPE_TIMEOUT_MS: '4000',
      WEBHOOK_RETRY_BASE_MS: '50',
      WEBHOOK_MAX_ATTEMPTS: '3',
      ...env,
    },
    stripe: {
      secretKey: emulator.secretKey,
      webhookSecret: WEBHOOK_SECRET,
      priceIds: emulator.priceIds,
      api: { host: emulator.host, port: emulator.port, protocol: 'http' },
    },
  });
  emulator.addWebhookEndpoint(`${t.url}/webhooks/stripe`);
  const stripe = new Stripe(emulator.secretKey, { host: emulator.host, port: emulator.port, protocol: 'http' });

  const kit: BillingKit = {
    t,
    emulator,
    stripe,
    async checkout(user, tier) {
      const result = await t.graphql(
        graphql(`
          mutation BillingTestKitCreateCheckoutSession($tier: PlanTier!) {
            createCheckoutSession(planTier: $tier) {
              id
              url
            }
          }
        `),
        { tier },
        { cookie: user.cookie },
      );
      if (!result.data?.createCheckoutSession)
        throw new Error(`createCheckoutSession failed: ${JSON.stringify(result.errors)}`);
      return result.data.createCheckoutSession;
    },
    async completeCheckout(sessionId, cardNumber = CARD_OK) {
      const response = await fetch(`${emulator.baseUrl}/v1/test_helpers/checkout/sessions/${sessionId}/complete`, {
        method: 'POST',
        headers: { authorization: `Bearer ${emulator.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ card_number: cardNumber }),
      });
      if (!response.ok) throw new Error(`completing checkout failed: ${response.status} ${await response.text()}`);
    },
    async subscribe(user, tier, cardNumber) {
      const session = await kit.checkout(user, tier);
      await kit.completeCheckout(session.id, cardNumber);
      await kit.settled();
    },
    async settled() {
      await emulator.waitForDeliveries();
      const delivered = new Set(emulator.deliveries().map((delivery) => delivery.eventId));
      await Promise.all([...delivered].map((eventId) => kit.applied(eventId)));
    },
    applied: (eventId) => eventApplied(t, eventId),
    async useFailingCard(user) {
      const [row] = await t.sql<{ stripe_subscription_id: string }>(
        'select stripe_subscription_id from billing_subscription where organization_id = ?',
        [user.organizationId],
      );
      const subscription = await stripe.subscriptions.retrieve(row?.stripe_subscription_id ?? '');
      const customer = String(subscription.customer);
      const card = await stripe.paymentMethods.create({
        type: 'card',
        card: { number: CARD_CHARGES_FAIL, exp_month: 12, exp_year: 2034, cvc: '123' },
      });
      await stripe.paymentMethods.attach(card.id, { customer });
      await stripe.customers.update(customer, { invoice_settings: { default_payment_method: card.id } });
      await stripe.subscriptions.update(subscription.id, { default_payment_method: card.id });
      await kit.settled();
    },
    apiRequests: () => [...apiRequests],
    async planOf(user) {
      const result = await t.graphql(
        graphql(`
          query BillingTestKitPlan {
            plan {
              tier
              limits {
                attributionRuns
              }
            }
          }
        `),
        {},
        { cookie: user.cookie },
      );
      if (!result.data?.plan) throw new Error(`plan failed: ${JSON.stringify(result.errors)}`);
      return { tier: result.data.plan.tier, runs: result.data.plan.limits.attributionRuns };
    },
    async onTestClock(user) {
      const frozenTime = Math.floor(Date.now() / 1000);
      const clock = await stripe.testHelpers.testClocks.create({ frozen_time: frozenTime });
      const customer = await stripe.customers.create({
        email: user.email,
        test_clock: clock.id,
        metadata: { organization_id: user.organizationId },
      });
      await t.sql(
        'insert into billing_customer (organization_id, stripe_customer_id, email, created_at) values (?, ?, ?, now())',
        [user.organizationId, customer.id, user.email],
      );
      return { clockId: clock.id, frozenTime };
    },
    async subscriptionIdOf(user) {
      const [row] = await t.sql<{ stripe_subscription_id: string }>(
        'select stripe_subscription_id from billing_subscription where organization_id = ?',
        [user.organizationId],
      );
      if (!row) throw new Error('no subscription row');
      return row.stripe_subscription_id;
    },
    async stop() {
      await t.stop();
      await emulator.close();
    },
  };
  return kit;
}

/**
 * The event's status once the worker is done with it: processed or ignored, or failed with no attempt
 * left (WEBHOOK_MAX_ATTEMPTS of the app that recorded it). An event never recorded (refused) is done too.
 */
export async function eventApplied(app: TestApp, eventId: string, timeoutMs = 20_000): Promise<string> {
  const maxAttempts = app.app.config.billing.webhookRetry.maxAttempts;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await app.sql<{ status: string; attempts: number }>(
      'select status, attempts from stripe_webhook_event where id = ?',
      [eventId],
    );
    const status = row?.status ?? 'not recorded';
    if (!row || status === 'processed' || status === 'ignored') return status;
    if (status === 'failed' && row.attempts >= maxAttempts) return status;
    if (Date.now() > deadline) throw new Error(`webhook event ${eventId} still ${status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A delivery signed the way Stripe signs, with the SDK's own test helper. */
export async function postSignedWebhook(
  url: string,
  payload: string,
  options: { secret?: string; timestamp?: number; signature?: string } = {},
): Promise<Response> {
  const signature =
    options.signature ??
    Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? WEBHOOK_SECRET,
      ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
    });
  return fetch(`${url}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });
}

/**
 * A second app on the same database whose Stripe drops every connection, as an unreachable host
 * does; `connections()` counts the SDK's attempts.
 */
export async function startAppWithUnreachableStripe(
  kit: BillingKit,
  env: Record<string, string> = {},
): Promise<{ app: TestApp; connections: () => number; stop: () => Promise<void> }> {
  let connections = 0;
  const blackhole = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
  const { port } = blackhole.address() as { port: number };
  const app = await startTestApp({
    env: { RECONCILE_SCHEDULE: 'off', STRIPE_MAX_NETWORK_RETRIES: '2', STRIPE_TIMEOUT_MS: '3000', ...env },
    stripe: {
      secretKey: kit.emulator.secretKey,
      webhookSecret: WEBHOOK_SECRET,
      priceIds: kit.emulator.priceIds,
      api: { host: '127.0.0.1', port, protocol: 'http' },
    },
  });
  return {
    app,
    connections: () => connections,
    async stop() {
      await app.stop();
      await new Promise<void>((resolve) => blackhole.close(() => resolve()));
    },
  };
}
