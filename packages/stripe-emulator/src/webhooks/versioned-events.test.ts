import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, type StripeEmulator } from '../index.js';
import { startEmulatorWithClient } from '../testing/sdk-client.js';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.js';

/** The last version before `2025-03-31.basil` moved an invoice's subscription under `parent`. */
const ACACIA = '2025-02-24.acacia';
const OLD = '2024-06-20';

async function subscribe(stripe: Stripe, emulator: StripeEmulator, email: string): Promise<Stripe.Subscription> {
  const customer = await stripe.customers.create({
    email,
    payment_method: 'pm_card_visa',
    invoice_settings: { default_payment_method: 'pm_card_visa' },
  });
  return stripe.subscriptions.create({
    customer: customer.id,
    items: [{ price: emulator.priceIds.PRO }],
    metadata: { organization_id: email },
  });
}

function invoicePaid(receiver: WebhookReceiver): Promise<Stripe.Event> {
  return receiver
    .waitFor((all) => all.some((r) => r.event.type === 'invoice.paid'))
    .then((all) => {
      const delivery = all.find((r) => r.event.type === 'invoice.paid');
      if (!delivery) throw new Error('no invoice.paid');
      return delivery.event;
    });
}

/** The invoice as the receiver got it, whatever its version's shape. */
function rawObject(event: Stripe.Event): Record<string, unknown> {
  return event.data.object as unknown as Record<string, unknown>;
}

describe('events rendered in the endpoint API version', () => {
  let emulator: StripeEmulator;
  let stripe: Stripe;
  let current: WebhookReceiver;
  let old: WebhookReceiver;
  let apiCreated: WebhookReceiver;

  beforeAll(async () => {
    current = await startWebhookReceiver('whsec_current_version');
    old = await startWebhookReceiver('whsec_old_version');
    apiCreated = await startWebhookReceiver('pending');
    ({ emulator, stripe } = await startEmulatorWithClient({
      webhookEndpoints: [{ url: current.url, secret: current.secret }],
    }));
    emulator.addWebhookEndpoint(old.url, { secret: old.secret, apiVersion: OLD });
    const endpoint = await stripe.webhookEndpoints.create({
      url: apiCreated.url,
      enabled_events: ['invoice.paid'],
      api_version: ACACIA,
    });
    apiCreated.secret = endpoint.secret ?? '';
  });
  afterAll(async () => {
    await emulator.close();
    await Promise.all([current.close(), old.close(), apiCreated.close()]);
  });

  it('sends invoice.subscription before basil and invoice.parent.subscription_details from basil on, with the subscription metadata', async () => {
    const subscription = await subscribe(stripe, emulator, 'versions@example.com');

    const latest = await invoicePaid(current);
    expect(latest.api_version).toBe(API_VERSION);
    expect((latest.data.object as Stripe.Invoice).parent).toEqual({
      type: 'subscription_details',
      quote_details: null,
      subscription_details: { subscription: subscription.id, metadata: { organization_id: 'versions@example.com' } },
    });

    for (const [receiver, version] of [
      [old, OLD],
      [apiCreated, ACACIA],
    ] as const) {
      const legacy = await invoicePaid(receiver);
      expect(legacy.id).toBe(latest.id);
      expect(legacy.api_version).toBe(version);
      expect(rawObject(legacy)).not.toHaveProperty('parent');
      expect(rawObject(legacy)).toMatchObject({
        object: 'invoice',
        subscription: subscription.id,
        subscription_details: { metadata: { organization_id: 'versions@example.com' } },
      });
    }
    expect([old.rejected, apiCreated.rejected, current.rejected]).toEqual([[], [], []]);
  });

  it('sends a pre-basil subscription with its current period at the top', async () => {
    const subscription = await subscribe(stripe, emulator, 'periods@example.com');
    const [created] = await old
      .waitFor((all) =>
        all.some((r) => r.event.type === 'customer.subscription.created' && rawObject(r.event).id === subscription.id),
      )
      .then((all) =>
        all.filter(
          (r) => r.event.type === 'customer.subscription.created' && rawObject(r.event).id === subscription.id,
        ),
      );
    expect(rawObject(created?.event as Stripe.Event)).toMatchObject({
      current_period_start: subscription.items.data[0]?.current_period_start,
      current_period_end: subscription.items.data[0]?.current_period_end,
    });
    const latest = (
      await current.waitFor((all) =>
        all.some((r) => r.event.type === 'customer.subscription.created' && rawObject(r.event).id === subscription.id),
      )
    ).find((r) => r.event.type === 'customer.subscription.created' && rawObject(r.event).id === subscription.id);
    expect(rawObject(latest?.event as Stripe.Event)).not.toHaveProperty('current_period_end');
  });

  it('keeps the metadata the subscription had when the invoice was made', async () => {
    const subscription = await subscribe(stripe, emulator, 'metadata-then@example.com');
    await stripe.subscriptions.update(subscription.id, { metadata: { organization_id: 'changed' } });
    const invoice = await stripe.invoices.retrieve(String(subscription.latest_invoice));
    expect(invoice.parent?.subscription_details?.metadata).toEqual({ organization_id: 'metadata-then@example.com' });
  });

  it('registers an endpoint of a given version over HTTP too, and refuses a version that is not one', async () => {
    const response = await fetch(`${emulator.baseUrl}/_emulator/webhook_endpoints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'http://127.0.0.1:9/never', enabled_events: ['invoice.paid'], api_version: OLD }),
    });
    const { id } = (await response.json()) as { id: string };
    expect((await stripe.webhookEndpoints.retrieve(id)).api_version).toBe(OLD);
    await stripe.webhookEndpoints.del(id);
    expect(() => emulator.addWebhookEndpoint('http://127.0.0.1:9/never', { apiVersion: 'basil' })).toThrow(
      'Invalid Stripe API version: basil',
    );
  });
});

describe("the account's default API version", () => {
  let emulator: StripeEmulator;
  let stripe: Stripe;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver('whsec_account_default');
    ({ emulator, stripe } = await startEmulatorWithClient({
      apiVersion: ACACIA,
      webhookEndpoints: [{ url: receiver.url, secret: receiver.secret }],
    }));
  });
  afterAll(async () => {
    await emulator.close();
    await receiver.close();
  });

  it('renders events for endpoints without their own version, and events.retrieve, in it', async () => {
    const subscription = await subscribe(stripe, emulator, 'account-default@example.com');
    const delivered = await invoicePaid(receiver);
    expect(delivered.api_version).toBe(ACACIA);
    expect(rawObject(delivered)).toMatchObject({ subscription: subscription.id });
    expect(rawObject(delivered)).not.toHaveProperty('parent');

    const retrieved = await stripe.events.retrieve(delivered.id);
    expect(retrieved.api_version).toBe(ACACIA);
    expect(rawObject(retrieved)).toMatchObject({ subscription: subscription.id });
    const listed = await stripe.events.list({ type: 'invoice.paid', limit: 1 });
    expect(listed.data[0]?.api_version).toBe(ACACIA);
    expect(rawObject(listed.data[0] as Stripe.Event)).not.toHaveProperty('parent');
  });
});
