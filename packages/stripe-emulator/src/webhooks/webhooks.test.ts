import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StripeEmulator } from '../index.js';
import { startEmulatorWithClient } from '../testing/sdk-client.js';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.js';

let emulator: StripeEmulator;
let stripe: Stripe;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver('whsec_webhook_tests');
  ({ emulator, stripe } = await startEmulatorWithClient({
    retry: { attempts: 4, baseDelayMs: 20 },
    webhookEndpoints: [{ url: receiver.url, secret: receiver.secret }],
  }));
});
afterEach(async () => {
  receiver.respond = () => 200;
  await emulator.waitForDeliveries();
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

async function subscribedCustomer(
  email: string,
): Promise<{ customer: Stripe.Customer; subscription: Stripe.Subscription }> {
  const customer = await stripe.customers.create({
    email,
    payment_method: 'pm_card_visa',
    invoice_settings: { default_payment_method: 'pm_card_visa' },
  });
  const subscription = await stripe.subscriptions.create({
    customer: customer.id,
    items: [{ price: emulator.priceIds.PRO }],
  });
  return { customer, subscription };
}

function deliveriesOf(eventId: string) {
  return receiver.received.filter((r) => r.event.id === eventId);
}

describe('webhook delivery', () => {
  it('signs every delivery so stripe.webhooks.constructEvent accepts it, with the pinned envelope', async () => {
    const { subscription } = await subscribedCustomer('signed@example.com');
    const received = await receiver.waitFor((all) =>
      all.some(
        (r) =>
          r.event.type === 'invoice.paid' &&
          (r.event.data.object as Stripe.Invoice).parent?.subscription_details?.subscription === subscription.id,
      ),
    );
    expect(receiver.rejected).toEqual([]);
    const created = received.find(
      (r) =>
        r.event.type === 'customer.subscription.created' &&
        (r.event.data.object as Stripe.Subscription).id === subscription.id,
    );
    expect(created?.event).toMatchObject({
      object: 'event',
      api_version: '2026-10-28.endive',
      livemode: false,
      pending_webhooks: 1,
      data: { object: { id: subscription.id, status: 'active' } },
    });
    expect(created?.event.request?.id).toMatch(/^req_/);
  });

  it('sends previous_attributes on updates', async () => {
    const { subscription } = await subscribedCustomer('updated@example.com');
    await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    const received = await receiver.waitFor((all) =>
      all.some(
        (r) =>
          r.event.type === 'customer.subscription.updated' &&
          (r.event.data.object as Stripe.Subscription).id === subscription.id,
      ),
    );
    const updated = received.find(
      (r) =>
        r.event.type === 'customer.subscription.updated' &&
        (r.event.data.object as Stripe.Subscription).id === subscription.id,
    );
    expect(updated?.event.data.previous_attributes).toMatchObject({ cancel_at_period_end: false, cancel_at: null });
    expect((updated?.event.data.object as Stripe.Subscription).cancel_at_period_end).toBe(true);
  });

  it('retries with backoff after a 500 until the receiver accepts', async () => {
    let failuresLeft = 2;
    receiver.respond = (event) => (event.type === 'customer.created' && failuresLeft-- > 0 ? 500 : 200);
    const customer = await stripe.customers.create({ email: 'retry@example.com' });
    const [event] = (await stripe.events.list({ type: 'customer.created', limit: 1 })).data;
    expect((event?.data.object as Stripe.Customer).id).toBe(customer.id);
    await receiver.waitFor(() => deliveriesOf(event?.id ?? '').length === 3);
    await emulator.waitForDeliveries();
    const log = emulator.deliveries().filter((entry) => entry.eventId === event?.id);
    expect(log.map((entry) => [entry.attempt, entry.status, entry.outcome])).toEqual([
      [1, 500, 'failed'],
      [2, 500, 'failed'],
      [3, 200, 'succeeded'],
    ]);
    // Backoff: each retry starts at least its delay (20 ms, then 40 ms) after the previous attempt ended.
    const [first, second, third] = log;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(20);
    expect((third?.at ?? 0) - (second?.at ?? 0)).toBeGreaterThanOrEqual(40);
  });

  it('retries when the receiver cannot be reached', async () => {
    const unreachable = emulator.addWebhookEndpoint('http://127.0.0.1:9/unreachable', {
      enabledEvents: ['product.created'],
    });
    await stripe.products.create({ name: 'Unreachable' });
    await emulator.waitForDeliveries();
    const log = emulator.deliveries().filter((entry) => entry.endpointId === unreachable.id);
    expect(log.map((entry) => [entry.attempt, entry.status])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [4, null],
    ]);
    await stripe.webhookEndpoints.del(unreachable.id);
  });

  it('delivers one event twice when asked, and replays it', async () => {
    const customer = await stripe.customers.create({ email: 'twice@example.com' });
    const event = (await stripe.events.list({ type: 'customer.created', limit: 1 })).data[0];
    expect((event?.data.object as Stripe.Customer).id).toBe(customer.id);
    await receiver.waitFor(() => deliveriesOf(event?.id ?? '').length === 1);
    await emulator.deliverTwice(event?.id ?? '');
    expect(deliveriesOf(event?.id ?? '')).toHaveLength(3);
    await emulator.replayEvent(event?.id ?? '');
    expect(deliveriesOf(event?.id ?? '').map((r) => r.event.id)).toEqual(Array(4).fill(event?.id));
  });

  it('holds deliveries and releases them out of order', async () => {
    emulator.holdDeliveries();
    const { subscription } = await subscribedCustomer('order@example.com');
    await stripe.subscriptions.update(subscription.id, { metadata: { step: 'two' } });
    const events = await stripe.events.list({ limit: 20 });
    const created = events.data.find(
      (e) =>
        e.type === 'customer.subscription.created' && (e.data.object as Stripe.Subscription).id === subscription.id,
    );
    const updated = events.data.find(
      (e) =>
        e.type === 'customer.subscription.updated' && (e.data.object as Stripe.Subscription).id === subscription.id,
    );
    expect(emulator.heldEventIds()).toEqual(expect.arrayContaining([created?.id, updated?.id]));
    expect(deliveriesOf(created?.id ?? '')).toHaveLength(0);
    await emulator.releaseDeliveries([updated?.id ?? '', created?.id ?? '']);
    const updatedAt = deliveriesOf(updated?.id ?? '')[0]?.index ?? Infinity;
    const createdAt = deliveriesOf(created?.id ?? '')[0]?.index ?? -1;
    expect(updatedAt).toBeLessThan(createdAt);
  });

  it('exposes the controls over HTTP under /_emulator', async () => {
    const customer = await stripe.customers.create({ email: 'http-controls@example.com' });
    const event = (await stripe.events.list({ type: 'customer.created', limit: 1 })).data[0];
    expect((event?.data.object as Stripe.Customer).id).toBe(customer.id);
    await receiver.waitFor(() => deliveriesOf(event?.id ?? '').length === 1);
    const duplicate = await fetch(`${emulator.baseUrl}/_emulator/events/${event?.id}/duplicate`, { method: 'POST' });
    expect(duplicate.status).toBe(200);
    expect(deliveriesOf(event?.id ?? '')).toHaveLength(3);
    const log = (await (await fetch(`${emulator.baseUrl}/_emulator/deliveries`)).json()) as {
      data: { eventId: string }[];
    };
    expect(log.data.filter((entry) => entry.eventId === event?.id)).toHaveLength(3);
    const info = (await (await fetch(`${emulator.baseUrl}/_emulator/info`)).json()) as { priceIds: unknown };
    expect(info.priceIds).toEqual(emulator.priceIds);
  });

  it('registers an endpoint through the API and signs with the secret it returned', async () => {
    const second = await startWebhookReceiver('unknown-yet');
    try {
      const endpoint = await stripe.webhookEndpoints.create({ url: second.url, enabled_events: ['customer.created'] });
      second.secret = endpoint.secret ?? '';
      await stripe.customers.create({ email: 'registered@example.com' });
      const [delivered] = await second.waitFor((all) => all.length === 1);
      expect(delivered?.event.type).toBe('customer.created');
      expect(second.rejected).toEqual([]);
      await stripe.webhookEndpoints.del(endpoint.id);
    } finally {
      await second.close();
    }
  });
});
