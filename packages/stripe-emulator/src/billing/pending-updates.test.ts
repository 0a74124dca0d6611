import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeEmulator } from '../index.js';
import { startEmulatorWithClient } from '../testing/sdk-client.js';

let emulator: StripeEmulator;
let stripe: Stripe;

const START = Date.UTC(2026, 2, 10, 9) / 1000;
const HOUR = 3600;

beforeAll(async () => {
  ({ emulator, stripe } = await startEmulatorWithClient());
});
afterAll(() => emulator.close());

/** A PRO subscriber on a test clock, paying with `card` (a Stripe test payment method id). */
async function proSubscriber(email: string, card = 'pm_card_visa') {
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: START });
  const customer = await stripe.customers.create({
    email,
    test_clock: clock.id,
    payment_method: card,
    invoice_settings: { default_payment_method: card },
  });
  const subscription = await stripe.subscriptions.create({
    customer: customer.id,
    items: [{ price: emulator.priceIds.PRO }],
  });
  return { clock, customer, subscription };
}

async function makeDefault(customerId: string, card: string): Promise<Stripe.PaymentMethod> {
  const paymentMethod = await stripe.paymentMethods.attach(card, { customer: customerId });
  await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: paymentMethod.id } });
  return paymentMethod;
}

function upgrade(
  subscription: Stripe.Subscription,
  paymentBehavior: Stripe.SubscriptionUpdateParams.PaymentBehavior,
  extra: Stripe.SubscriptionUpdateParams = {},
) {
  return stripe.subscriptions.update(subscription.id, {
    items: [{ id: subscription.items.data[0]?.id ?? '', price: emulator.priceIds.SCALE }],
    proration_behavior: 'always_invoice',
    payment_behavior: paymentBehavior,
    expand: ['latest_invoice'],
    ...extra,
  });
}

async function eventsAbout(id: string, type: string): Promise<Stripe.Event[]> {
  const events = await stripe.events.list({ type, limit: 100 });
  return events.data.filter((event) => (event.data.object as { id: string }).id === id);
}

describe("payment_behavior: 'pending_if_incomplete'", () => {
  it('keeps the old price and a pending_update while the proration invoice is unpaid; paying it applies the update', async () => {
    const { customer, subscription } = await proSubscriber('pending@example.com');
    await makeDefault(customer.id, 'pm_card_chargeCustomerFail');

    const pending = await upgrade(subscription, 'pending_if_incomplete');
    expect(pending.status).toBe('active');
    expect(pending.items.data[0]?.price.id).toBe(emulator.priceIds.PRO);
    expect(pending.pending_update).toMatchObject({
      // 23 hours after the update, the period ending later (Stripe's pending-updates reference).
      expires_at: START + 23 * HOUR,
      billing_cycle_anchor: null,
      trial_end: null,
      trial_from_plan: null,
    });
    expect(pending.pending_update?.subscription_items?.map((item) => [item.id, item.price.id])).toEqual([
      [subscription.items.data[0]?.id, emulator.priceIds.SCALE],
    ]);
    const invoice = pending.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: 'open', billing_reason: 'subscription_update', attempt_count: 1 });
    expect(invoice.amount_due).toBe(19_900 - 4_900);
    expect(invoice.hosted_invoice_url).toBe(`${emulator.baseUrl}/invoice/${invoice.id}`);
    expect(await eventsAbout(invoice.id, 'invoice.payment_failed')).toHaveLength(1);

    // The customer fixes the card and pays the open invoice.
    const visa = await makeDefault(customer.id, 'pm_card_visa');
    const paid = await stripe.invoices.pay(invoice.id, { payment_method: visa.id });
    expect(paid.status).toBe('paid');
    const applied = await stripe.subscriptions.retrieve(subscription.id);
    expect(applied.items.data[0]?.price.id).toBe(emulator.priceIds.SCALE);
    expect(applied.pending_update).toBeNull();
    const [updated] = await eventsAbout(subscription.id, 'customer.subscription.updated');
    expect((updated?.data.object as Stripe.Subscription).items.data[0]?.price.id).toBe(emulator.priceIds.SCALE);
    expect(updated?.data.previous_attributes).toMatchObject({ pending_update: { expires_at: START + 23 * HOUR } });
    expect(await eventsAbout(subscription.id, 'customer.subscription.pending_update_applied')).toHaveLength(1);
  });

  it("applies the update when the customer pays on the invoice's hosted page", async () => {
    const { customer, subscription } = await proSubscriber('pending-hosted@example.com');
    await makeDefault(customer.id, 'pm_card_chargeCustomerFail');
    const pending = await upgrade(subscription, 'pending_if_incomplete');
    const url = (pending.latest_invoice as Stripe.Invoice).hosted_invoice_url ?? '';
    const pay = (cardNumber: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ card_number: cardNumber, card_expiry: '12 / 34', card_cvc: '123' }),
        redirect: 'manual',
      });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Pay $150.00');

    const declined = await pay('4000 0000 0000 0341');
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain('Your card was declined.');
    expect((await stripe.subscriptions.retrieve(subscription.id)).pending_update).not.toBeNull();

    const paid = await pay('4242 4242 4242 4242');
    expect(paid.status).toBe(303);
    const applied = await stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] });
    expect(applied).toMatchObject({
      pending_update: null,
      latest_invoice: { status: 'paid', amount_paid: 19_900 - 4_900 },
    });
    expect(applied.items.data[0]?.price.id).toBe(emulator.priceIds.SCALE);
  });

  it('holds the update while the charge awaits 3-D Secure; the customer authenticates on the hosted page', async () => {
    const { customer, subscription } = await proSubscriber('pending-3ds@example.com');
    const card = await makeDefault(customer.id, 'pm_card_authenticationRequired');
    const pending = await upgrade(subscription, 'pending_if_incomplete');
    const invoice = pending.latest_invoice as Stripe.Invoice;
    expect(pending.pending_update).not.toBeNull();
    expect(invoice.status).toBe('open');
    expect(await eventsAbout(invoice.id, 'invoice.payment_action_required')).toHaveLength(1);
    const [payment] = (await stripe.invoicePayments.list({ invoice: invoice.id })).data;
    const intent = await stripe.paymentIntents.retrieve(String(payment?.payment.payment_intent));
    expect(intent).toMatchObject({ status: 'requires_action', next_action: { type: 'use_stripe_sdk' } });

    // Off-session, as invoices.pay charges by default, the card cannot authenticate.
    await expect(stripe.invoices.pay(invoice.id, { payment_method: card.id })).rejects.toMatchObject({
      statusCode: 402,
      code: 'invoice_payment_intent_requires_action',
    });
    const paid = await fetch(invoice.hosted_invoice_url ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ card_number: '4000002760003184', card_expiry: '12 / 34', card_cvc: '123' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    const applied = await stripe.subscriptions.retrieve(subscription.id);
    expect(applied.pending_update).toBeNull();
    expect(applied.items.data[0]?.price.id).toBe(emulator.priceIds.SCALE);
  });

  it('applies the update at once when the proration invoice is paid', async () => {
    const { subscription } = await proSubscriber('pending-paid@example.com');
    const upgraded = await upgrade(subscription, 'pending_if_incomplete');
    expect(upgraded.pending_update).toBeNull();
    expect(upgraded.items.data[0]?.price.id).toBe(emulator.priceIds.SCALE);
    expect(upgraded.latest_invoice).toMatchObject({ status: 'paid', amount_paid: 19_900 - 4_900 });
  });

  it('voids the invoice and discards the update when it expires (customer.subscription.pending_update_expired)', async () => {
    const { clock, customer, subscription } = await proSubscriber('pending-expires@example.com');
    await makeDefault(customer.id, 'pm_card_chargeCustomerFail');
    const pending = await upgrade(subscription, 'pending_if_incomplete');
    const invoiceId = (pending.latest_invoice as Stripe.Invoice).id;

    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START + 22 * HOUR });
    expect((await stripe.subscriptions.retrieve(subscription.id)).pending_update).not.toBeNull();
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START + 24 * HOUR });
    const expired = await stripe.subscriptions.retrieve(subscription.id);
    expect(expired).toMatchObject({ status: 'active', pending_update: null });
    expect(expired.items.data[0]?.price.id).toBe(emulator.priceIds.PRO);
    expect(await stripe.invoices.retrieve(invoiceId)).toMatchObject({
      status: 'void',
      status_transitions: { voided_at: START + 23 * HOUR },
    });
    expect(await eventsAbout(subscription.id, 'customer.subscription.pending_update_expired')).toHaveLength(1);
    expect(await eventsAbout(invoiceId, 'invoice.voided')).toHaveLength(1);
    await expect(stripe.invoices.pay(invoiceId)).rejects.toMatchObject({
      statusCode: 400,
      rawType: 'invalid_request_error',
    });
  });

  it('refuses parameters a pending update cannot carry, and pending_if_incomplete on creation', async () => {
    const { customer, subscription } = await proSubscriber('pending-params@example.com');
    // Pending updates support only billing_cycle_anchor, items (price, quantity), proration_*, trial_end, trial_from_plan, add_invoice_items.
    await expect(upgrade(subscription, 'pending_if_incomplete', { metadata: { tier: 'SCALE' } })).rejects.toMatchObject(
      {
        statusCode: 400,
        rawType: 'invalid_request_error',
        param: 'metadata',
      },
    );
    await expect(upgrade(subscription, 'pending_if_incomplete', { cancel_at_period_end: false })).rejects.toMatchObject(
      {
        statusCode: 400,
        param: 'cancel_at_period_end',
      },
    );
    await expect(
      stripe.subscriptions.update(subscription.id, {
        items: [{ id: subscription.items.data[0]?.id ?? '', price: emulator.priceIds.SCALE, metadata: { a: 'b' } }],
        payment_behavior: 'pending_if_incomplete',
      }),
    ).rejects.toMatchObject({ statusCode: 400, param: 'items[0][metadata]' });
    await expect(
      stripe.subscriptions.create({
        customer: customer.id,
        items: [{ price: emulator.priceIds.PRO }],
        payment_behavior: 'pending_if_incomplete' as 'allow_incomplete',
      }),
    ).rejects.toMatchObject({ statusCode: 400, rawType: 'invalid_request_error', param: 'payment_behavior' });
    const unchanged = await stripe.subscriptions.retrieve(subscription.id);
    expect(unchanged.items.data[0]?.price.id).toBe(emulator.priceIds.PRO);
    expect(unchanged.metadata).toEqual({});
  });
});

describe("payment_behavior: 'error_if_incomplete'", () => {
  it('fails with the card error (402) and leaves the subscription and invoices untouched', async () => {
    const { customer, subscription } = await proSubscriber('error-if-incomplete@example.com');
    await makeDefault(customer.id, 'pm_card_chargeCustomerFail');
    const invoicesBefore = (await stripe.invoices.list({ subscription: subscription.id })).data.length;
    const error = await upgrade(subscription, 'error_if_incomplete').catch(
      (caught: unknown) => caught as Stripe.errors.StripeError,
    );
    expect(error).toMatchObject({
      type: 'StripeCardError',
      statusCode: 402,
      code: 'card_declined',
      decline_code: 'generic_decline',
      message: 'Your card was declined.',
    });
    const unchanged = await stripe.subscriptions.retrieve(subscription.id);
    expect(unchanged).toMatchObject({
      status: 'active',
      pending_update: null,
      latest_invoice: subscription.latest_invoice,
    });
    expect(unchanged.items.data[0]?.price.id).toBe(emulator.priceIds.PRO);
    expect((await stripe.invoices.list({ subscription: subscription.id })).data).toHaveLength(invoicesBefore);
    expect((await stripe.invoiceItems.list({ customer: customer.id, pending: true })).data).toEqual([]);
  });

  it('fails with authentication_required when the charge needs 3-D Secure', async () => {
    const { customer, subscription } = await proSubscriber('error-3ds@example.com');
    await makeDefault(customer.id, 'pm_card_authenticationRequired');
    await expect(upgrade(subscription, 'error_if_incomplete')).rejects.toMatchObject({
      statusCode: 402,
      rawType: 'card_error',
      code: 'authentication_required',
      decline_code: 'authentication_required',
    });
    expect((await stripe.subscriptions.retrieve(subscription.id)).items.data[0]?.price.id).toBe(emulator.priceIds.PRO);
  });

  it('creates nothing when the first invoice of a new subscription cannot be paid', async () => {
    const customer = await stripe.customers.create({
      email: 'error-create@example.com',
      payment_method: 'pm_card_chargeCustomerFail',
    });
    const methods = await stripe.customers.listPaymentMethods(customer.id);
    await expect(
      stripe.subscriptions.create({
        customer: customer.id,
        items: [{ price: emulator.priceIds.PRO }],
        default_payment_method: methods.data[0]?.id ?? '',
        payment_behavior: 'error_if_incomplete',
      }),
    ).rejects.toMatchObject({ statusCode: 402, rawType: 'card_error', code: 'card_declined' });
    expect((await stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data).toEqual([]);
  });
});

describe('billing_mode', () => {
  it("is flexible for new subscriptions (Stripe's default since 2025-09-30), through the API and Checkout; classic when asked", async () => {
    const { customer, subscription } = await proSubscriber('flexible@example.com');
    expect(subscription.billing_mode).toEqual({
      type: 'flexible',
      flexible: { proration_discounts: 'included' },
      updated_at: START,
    });
    const classic = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: emulator.priceIds.SCALE }],
      billing_mode: { type: 'classic' },
    });
    expect(classic.billing_mode).toEqual({ type: 'classic', flexible: null });

    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: emulator.priceIds.PRO, quantity: 1 }],
      success_url: 'http://app.test/billing/success',
      customer_email: 'flexible-checkout@example.com',
    });
    await stripe.rawRequest('POST', `/v1/test_helpers/checkout/sessions/${session.id}/complete`, {
      card_number: '4242424242424242',
    });
    const completed = await stripe.checkout.sessions.retrieve(session.id, { expand: ['subscription'] });
    expect((completed.subscription as Stripe.Subscription).billing_mode).toMatchObject({
      type: 'flexible',
      flexible: { proration_discounts: 'included' },
    });
  });
});
