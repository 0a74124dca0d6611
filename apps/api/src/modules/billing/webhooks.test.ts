import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventApplied,
  postSignedWebhook,
  startAppWithUnreachableStripe,
  startBillingKit,
  WEBHOOK_SECRET,
  type BillingKit,
} from './test/billing-test-kit.js';
import { graphql } from '../../test/gql/index.js';

let kit: BillingKit;
beforeAll(async () => {
  // One attempt here: the failing event below is retried by the instance whose Stripe is down, not this one.
  kit = await startBillingKit({ WEBHOOK_MAX_ATTEMPTS: '1' });
});
afterAll(() => kit.stop());

const EVENTS = graphql(`
  query WebhooksWebhookEvents {
    webhookEvents {
      id
      type
      status
      attempts
      result
      error
    }
  }
`);

function event(id: string, type: string, object: Record<string, unknown>): string {
  return JSON.stringify({
    id,
    object: 'event',
    type,
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object },
  });
}

async function storedEvent(id: string) {
  const [row] = await kit.t.sql<{ status: string; attempts: number; last_error: string | null }>(
    'select status, attempts, last_error from stripe_webhook_event where id = ?',
    [id],
  );
  return row;
}

describe('POST /webhooks/stripe signature', () => {
  it('refuses a tampered body, a wrong secret, an old timestamp and a missing header with 400, storing nothing', async () => {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    const [subscription] = await kit.t.sql<{ stripe_subscription_id: string }>(
      'select stripe_subscription_id from billing_subscription where organization_id = ?',
      [user.organizationId],
    );
    const subscriptionId = subscription?.stripe_subscription_id ?? '';
    // What an attacker would like to send: the subscription deleted.
    const payload = event('evt_forged_1', 'customer.subscription.deleted', {
      id: subscriptionId,
      object: 'subscription',
    });
    const genuineHeader = kit.stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const attempts = [
      await postSignedWebhook(kit.t.url, payload.replace('deleted', 'updated'), { signature: genuineHeader }),
      await postSignedWebhook(kit.t.url, payload, { secret: 'whsec_not_the_secret' }),
      await postSignedWebhook(kit.t.url, payload, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
      await fetch(`${kit.t.url}/webhooks/stripe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
      }),
    ];
    expect(attempts.map((response) => response.status)).toEqual([400, 400, 400, 400]);
    expect(await storedEvent('evt_forged_1')).toBeUndefined();
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });
    const metrics = await (await fetch(`${kit.t.url}/metrics`)).text();
    expect(metrics).toMatch(/aa_stripe_webhook_rejected_total 4/);
  });

  it('records a verified event once: a replay is a 200 no-op; /metrics shows the time of the last verified delivery', async () => {
    const payload = event('evt_unknown_type_1', 'customer.tax_id.created', { id: 'txi_1', object: 'tax_id' });
    const first = await postSignedWebhook(kit.t.url, payload);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, status: 'received' });
    expect(await kit.applied('evt_unknown_type_1')).toBe('ignored');
    const replay = await postSignedWebhook(kit.t.url, payload);
    expect(await replay.json()).toEqual({ received: true, status: 'duplicate' });
    expect(await storedEvent('evt_unknown_type_1')).toEqual({ status: 'ignored', attempts: 1, last_error: null });
    const metrics = await (await fetch(`${kit.t.url}/metrics`)).text();
    const gauge = /^aa_stripe_webhook_last_verified_timestamp_seconds (\S+)$/m.exec(metrics)?.[1];
    expect(Number(gauge)).toBeGreaterThan(Date.now() / 1000 - 60);
  });

  it('answers 200 and records as ignored a subscription event for a customer we do not know', async () => {
    const stranger = await kit.stripe.customers.create({ email: 'stranger@example.com' });
    const subscription = await kit.stripe.subscriptions.create({
      customer: stranger.id,
      items: [{ price: kit.emulator.priceIds.PRO }],
      trial_period_days: 14,
    });
    const payload = event('evt_stranger_1', 'customer.subscription.created', {
      id: subscription.id,
      object: 'subscription',
    });
    const response = await postSignedWebhook(kit.t.url, payload);
    expect(response.status).toBe(200);
    await kit.applied('evt_stranger_1');
    expect(await storedEvent('evt_stranger_1')).toMatchObject({ status: 'ignored' });
    expect(
      await kit.t.sql('select 1 from billing_subscription where stripe_subscription_id = ?', [subscription.id]),
    ).toHaveLength(0);
  });
});

describe('a webhook that fails to apply', () => {
  it('is answered 200, retried with backoff, keeps the error and attempt count, counts it, and can be replayed from the admin view', async () => {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    const [row] = await kit.t.sql<{ stripe_subscription_id: string; stripe_customer_id: string }>(
      'select stripe_subscription_id, stripe_customer_id from billing_subscription where organization_id = ?',
      [user.organizationId],
    );
    const subscriptionId = row?.stripe_subscription_id ?? '';
    // Our row says SCALE; Stripe says PRO. Stripe is then unreachable while the event comes in.
    await kit.t.sql(`update billing_subscription set plan_tier = 'SCALE' where stripe_subscription_id = ?`, [
      subscriptionId,
    ]);
    const payload = event('evt_fails_1', 'customer.subscription.updated', {
      id: subscriptionId,
      object: 'subscription',
      customer: row?.stripe_customer_id,
    });

    const broken = await startAppWithUnreachableStripe(kit, { WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_MAX_ATTEMPTS: '2' });
    try {
      const recorded = await postSignedWebhook(broken.app.url, payload);
      expect(await recorded.json()).toEqual({ received: true, status: 'received' });
      const again = await postSignedWebhook(broken.app.url, payload);
      expect(await again.json()).toEqual({ received: true, status: 'duplicate' });
      expect(await eventApplied(broken.app, 'evt_fails_1')).toBe('failed');
      expect(await storedEvent('evt_fails_1')).toMatchObject({ status: 'failed', attempts: 2 });
      expect((await storedEvent('evt_fails_1'))?.last_error).toContain('BILLING_PROVIDER_UNAVAILABLE');
      const metrics = await (await fetch(`${broken.app.url}/metrics`)).text();
      expect(metrics).toMatch(/aa_stripe_webhook_failures_total\{type="customer.subscription.updated"\} 2/);
      expect(metrics).toMatch(/aa_stripe_webhook_retries_total\{type="customer.subscription.updated"\} 1/);
    } finally {
      await broken.stop();
    }

    const view = await kit.t.graphql(EVENTS, {}, { cookie: user.cookie });
    expect(view.data?.webhookEvents.find((entry) => entry.id === 'evt_fails_1')).toMatchObject({
      status: 'failed',
      attempts: 2,
    });
    const replayed = await kit.t.graphql(
      graphql(`
        mutation WebhooksReplayWebhookEvent($id: ID!) {
          replayWebhookEvent(id: $id) {
            status
            attempts
            error
          }
        }
      `),
      { id: 'evt_fails_1' },
      { cookie: user.cookie },
    );
    expect(replayed.data?.replayWebhookEvent).toEqual({ status: 'processed', attempts: 3, error: null });
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });

    const twice = await kit.t.graphql(
      graphql(`
        mutation WebhooksReplayWebhookEvent2($id: ID!) {
          replayWebhookEvent(id: $id) {
            status
          }
        }
      `),
      { id: 'evt_fails_1' },
      { cookie: user.cookie },
    );
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WEBHOOK_EVENT_NOT_FAILED' });
    const stranger = await kit.t.signUp();
    const foreign = await kit.t.graphql(
      graphql(`
        mutation WebhooksReplayWebhookEvent3($id: ID!) {
          replayWebhookEvent(id: $id) {
            status
          }
        }
      `),
      { id: 'evt_fails_1' },
      { cookie: stranger.cookie },
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
