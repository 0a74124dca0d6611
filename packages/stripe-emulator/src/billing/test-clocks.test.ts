import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeEmulator } from '../index.js';
import { startEmulatorWithClient } from '../testing/sdk-client.js';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.js';

let emulator: StripeEmulator;
let stripe: Stripe;
let receiver: WebhookReceiver;

const START = Date.UTC(2026, 0, 15, 12) / 1000;
const DAY = 86_400;

beforeAll(async () => {
  receiver = await startWebhookReceiver('whsec_clock_tests');
  ({ emulator, stripe } = await startEmulatorWithClient({
    retry: { attempts: 2, baseDelayMs: 10 },
    webhookEndpoints: [{ url: receiver.url, secret: receiver.secret }],
  }));
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

async function customerOnClock(
  email: string,
): Promise<{ clock: Stripe.TestHelpers.TestClock; customer: Stripe.Customer }> {
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: START, name: email });
  const customer = await stripe.customers.create({ email, test_clock: clock.id });
  return { clock, customer };
}

/** Stripe's way: attach a test card, then make it the invoice default. */
async function giveDefaultCard(customerId: string, testCard: string): Promise<Stripe.PaymentMethod> {
  const paymentMethod = await stripe.paymentMethods.attach(testCard, { customer: customerId });
  await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: paymentMethod.id } });
  return paymentMethod;
}

function eventsFor(type: string, objectId: string): Stripe.Event[] {
  return receiver.received
    .map((r) => r.event)
    .filter((event) => event.type === type && (event.data.object as { id: string }).id === objectId);
}

function invoiceEventsFor(type: string, subscriptionId: string): Stripe.Event[] {
  return receiver.received
    .map((r) => r.event)
    .filter(
      (event) =>
        event.type === type &&
        (event.data.object as Stripe.Invoice).parent?.subscription_details?.subscription === subscriptionId,
    );
}

describe('test clocks', () => {
  it('renews a subscription when the clock crosses its period end', async () => {
    const { clock, customer } = await customerOnClock('renews@example.com');
    await giveDefaultCard(customer.id, 'pm_card_visa');
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: emulator.priceIds.PRO }],
    });
    const firstPeriod = subscription.items.data[0];
    expect(firstPeriod?.current_period_start).toBe(START);
    expect(firstPeriod?.current_period_end).toBe(Date.UTC(2026, 1, 15, 12) / 1000);

    const advanced = await stripe.testHelpers.testClocks.advance(clock.id, {
      frozen_time: (firstPeriod?.current_period_end ?? 0) + DAY,
    });
    expect(advanced.status).toBe('ready');
    const renewed = await stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] });
    expect(renewed.status).toBe('active');
    expect(renewed.items.data[0]?.current_period_start).toBe(firstPeriod?.current_period_end);
    expect(renewed.items.data[0]?.current_period_end).toBe(Date.UTC(2026, 2, 15, 12) / 1000);
    const invoice = renewed.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: 'paid', billing_reason: 'subscription_cycle', amount_paid: 4900 });

    await receiver.waitFor(() => invoiceEventsFor('invoice.paid', subscription.id).length === 2);
    const updated = eventsFor('customer.subscription.updated', subscription.id).at(-1);
    expect(updated?.data.previous_attributes).toHaveProperty('items');
    const invoices = await stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data.map((i) => i.billing_reason)).toEqual(['subscription_cycle', 'subscription_create']);
  });

  it('declines 4000 0000 0000 0341 at checkout; made the default card later, it fails the renewal (invoice.payment_failed, past_due)', async () => {
    const { clock, customer } = await customerOnClock('fails-0341@example.com');
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      line_items: [{ price: emulator.priceIds.SCALE, quantity: 1 }],
      success_url: 'http://app.test/billing/success?session_id={CHECKOUT_SESSION_ID}',
    });
    // The emulator's test helper does what its hosted page does (the SDK has no method for it).
    const complete = (cardNumber: string) =>
      stripe.rawRequest('POST', `/v1/test_helpers/checkout/sessions/${session.id}/complete`, {
        card_number: cardNumber,
      });
    // Stripe's 0341 card attaches, then every charge fails: the page shows the decline, nothing is created.
    await expect(complete('4000000000000341')).rejects.toMatchObject({
      statusCode: 402,
      rawType: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
    });
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'open', subscription: null });
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);

    expect(await complete('4242424242424242')).toMatchObject({ status: 'complete', payment_status: 'paid' });
    const paid = await stripe.checkout.sessions.retrieve(session.id, { expand: ['subscription'] });
    const subscription = paid.subscription as Stripe.Subscription;
    expect(subscription.status).toBe('active');
    const failing = await stripe.paymentMethods.create({
      type: 'card',
      card: { number: '4000000000000341', exp_month: 12, exp_year: 2034, cvc: '123' },
    });
    await stripe.paymentMethods.attach(failing.id, { customer: customer.id });
    // Checkout made the paying card the subscription's default, which wins over the customer's.
    await stripe.subscriptions.update(subscription.id, { default_payment_method: failing.id });

    await stripe.testHelpers.testClocks.advance(clock.id, {
      frozen_time: (subscription.items.data[0]?.current_period_end ?? 0) + 60,
    });
    const pastDue = await stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] });
    expect(pastDue.status).toBe('past_due');
    expect(pastDue.latest_invoice).toMatchObject({
      status: 'open',
      attempt_count: 1,
      billing_reason: 'subscription_cycle',
    });
    await receiver.waitFor(() => invoiceEventsFor('invoice.payment_failed', subscription.id).length === 1);
  });

  it('fails the renewal once the default card is pm_card_chargeCustomerFail', async () => {
    const { clock, customer } = await customerOnClock('fails-charge@example.com');
    await giveDefaultCard(customer.id, 'pm_card_visa');
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: emulator.priceIds.PRO }],
    });
    expect(subscription.status).toBe('active');
    await giveDefaultCard(customer.id, 'pm_card_chargeCustomerFail');

    await stripe.testHelpers.testClocks.advance(clock.id, {
      frozen_time: (subscription.items.data[0]?.current_period_end ?? 0) + 60,
    });
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('past_due');
    await receiver.waitFor(() => invoiceEventsFor('invoice.payment_failed', subscription.id).length === 1);
    const updates = eventsFor('customer.subscription.updated', subscription.id);
    expect(updates.some((e) => (e.data.object as Stripe.Subscription).status === 'past_due')).toBe(true);

    // The customer pays the open renewal invoice with a working card: the subscription is active again.
    const pastDue = await stripe.subscriptions.retrieve(subscription.id);
    const visa = await giveDefaultCard(customer.id, 'pm_card_visa');
    expect(await stripe.invoices.pay(String(pastDue.latest_invoice), { payment_method: visa.id })).toMatchObject({
      status: 'paid',
      amount_paid: 4900,
    });
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
    const reactivated = await receiver.waitFor(() =>
      eventsFor('customer.subscription.updated', subscription.id).some(
        (e) => (e.data.object as Stripe.Subscription).status === 'active',
      ),
    );
    const event = reactivated
      .map((r) => r.event)
      .findLast(
        (e) => e.type === 'customer.subscription.updated' && (e.data.object as { id: string }).id === subscription.id,
      );
    expect(event?.data.previous_attributes).toMatchObject({ status: 'past_due' });
  });

  it('ends a subscription set to cancel at period end, and refuses to go back in time', async () => {
    const { clock, customer } = await customerOnClock('cancels@example.com');
    await giveDefaultCard(customer.id, 'pm_card_visa');
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: emulator.priceIds.PRO }],
    });
    await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START + 40 * DAY });
    const ended = await stripe.subscriptions.retrieve(subscription.id);
    expect(ended.status).toBe('canceled');
    expect(ended.ended_at).toBe(subscription.items.data[0]?.current_period_end);
    await receiver.waitFor(() => eventsFor('customer.subscription.deleted', subscription.id).length === 1);
    await expect(stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START })).rejects.toMatchObject({
      param: 'frozen_time',
    });
  });

  it('ends a subscription at a cancel_at inside the period; an empty cancel_at unsets it', async () => {
    const { clock, customer } = await customerOnClock('cancel-at@example.com');
    await giveDefaultCard(customer.id, 'pm_card_visa');
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: emulator.priceIds.PRO }],
    });
    const cancelAt = START + 10 * DAY;
    await expect(stripe.subscriptions.update(subscription.id, { cancel_at: START - DAY })).rejects.toMatchObject({
      statusCode: 400,
      param: 'cancel_at',
    });
    await expect(
      stripe.subscriptions.update(subscription.id, { cancel_at: cancelAt, cancel_at_period_end: true }),
    ).rejects.toMatchObject({
      statusCode: 400,
      param: 'cancel_at',
    });
    const scheduled = await stripe.subscriptions.update(subscription.id, { cancel_at: cancelAt });
    expect(scheduled).toMatchObject({
      cancel_at: cancelAt,
      cancel_at_period_end: false,
      canceled_at: START,
      cancellation_details: { reason: 'cancellation_requested' },
    });
    expect(await stripe.subscriptions.update(subscription.id, { cancel_at: '' })).toMatchObject({
      cancel_at: null,
      canceled_at: null,
    });
    await stripe.subscriptions.update(subscription.id, { cancel_at: cancelAt });

    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START + 20 * DAY });
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({
      status: 'canceled',
      ended_at: cancelAt,
    });
    await receiver.waitFor(() => eventsFor('customer.subscription.deleted', subscription.id).length === 1);
  });

  it('expires a subscription still incomplete 23 hours after its creation: incomplete_expired, its invoice void', async () => {
    const { clock, customer } = await customerOnClock('incomplete-expires@example.com');
    await giveDefaultCard(customer.id, 'pm_card_chargeCustomerFail');
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: emulator.priceIds.PRO }],
    });
    expect(subscription.status).toBe('incomplete');
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START + 22 * 3600 });
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('incomplete');
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START + DAY });
    const expired = await stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] });
    expect(expired).toMatchObject({
      status: 'incomplete_expired',
      ended_at: START + 23 * 3600,
      latest_invoice: { status: 'void' },
    });
    await receiver.waitFor(() =>
      eventsFor('customer.subscription.updated', subscription.id).some(
        (e) => (e.data.object as Stripe.Subscription).status === 'incomplete_expired',
      ),
    );
  });

  it('prorates a plan switch onto the next renewal invoice', async () => {
    const { clock, customer } = await customerOnClock('switches@example.com');
    await giveDefaultCard(customer.id, 'pm_card_visa');
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: emulator.priceIds.PRO }],
    });
    const periodEnd = subscription.items.data[0]?.current_period_end ?? 0;
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START + 10 * DAY });
    const switched = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: subscription.items.data[0]?.id ?? '', price: emulator.priceIds.SCALE }],
      proration_behavior: 'create_prorations',
    });
    expect(switched.items.data[0]?.price.id).toBe(emulator.priceIds.SCALE);
    const pending = await stripe.invoiceItems.list({ customer: customer.id, pending: true });
    expect(pending.data.map((item) => item.proration)).toEqual([true, true]);
    const net = pending.data.reduce((sum, item) => sum + item.amount, 0);
    expect(net).toBeGreaterThan(0);
    expect(net).toBeLessThan(19_900 - 4_900);
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: periodEnd + 60 });
    const renewal = (await stripe.invoices.list({ subscription: subscription.id, limit: 1 })).data[0];
    expect(renewal?.total).toBe(19_900 + net);
    expect(renewal?.status).toBe('paid');
  });
});
