import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeEmulator } from '../index.js';
import { missingKeys, stripeExample } from '../testing/fixture-keys.js';
import { startEmulatorWithClient } from '../testing/sdk-client.js';

let emulator: StripeEmulator;
let stripe: Stripe;

const START = Date.UTC(2026, 0, 15, 12) / 1000;
const DAY = 86_400;

beforeAll(async () => {
  ({ emulator, stripe } = await startEmulatorWithClient());
});
afterAll(() => emulator.close());

async function subscriber(email: string, price: string, card = 'pm_card_visa') {
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: START });
  const customer = await stripe.customers.create({
    email,
    test_clock: clock.id,
    payment_method: card,
    invoice_settings: { default_payment_method: card },
  });
  const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price }] });
  return { clock, customer, subscription };
}

/** The PaymentIntent that paid an invoice, found as Stripe documents it: through its invoice payments. */
async function paymentIntentOf(invoiceId: string): Promise<Stripe.PaymentIntent> {
  const payments = await stripe.invoicePayments.list({ invoice: invoiceId });
  const paymentIntent = payments.data[0]?.payment.payment_intent;
  if (typeof paymentIntent !== 'string') throw new Error(`invoice ${invoiceId} has no payment intent`);
  return stripe.paymentIntents.retrieve(paymentIntent);
}

function expectStripeKeys(resource: string, object: unknown): void {
  expect(missingKeys(object, stripeExample(resource)), `${resource} lacks keys of Stripe's example`).toEqual([]);
}

describe('invoice payments', () => {
  it('pays an invoice through a PaymentIntent, listed as its invoice payment', async () => {
    const { customer, subscription } = await subscriber('payments@example.com', emulator.priceIds.SCALE);
    const invoiceId = String(subscription.latest_invoice);
    const payments = await stripe.invoicePayments.list({ invoice: invoiceId });
    expect(payments.data).toHaveLength(1);
    const payment = payments.data[0] as Stripe.InvoicePayment;
    expect(payment).toMatchObject({
      object: 'invoice_payment',
      invoice: invoiceId,
      is_default: true,
      status: 'paid',
      amount_paid: 19_900,
      amount_requested: 19_900,
    });
    expect(payment.payment.type).toBe('payment_intent');
    expect(payment.id).toMatch(/^inpay_/);

    const intent = await stripe.paymentIntents.retrieve(String(payment.payment.payment_intent));
    expect(intent).toMatchObject({
      status: 'succeeded',
      amount: 19_900,
      amount_received: 19_900,
      customer: customer.id,
      currency: 'usd',
    });
    const charge = await stripe.charges.retrieve(String(intent.latest_charge));
    expect(charge).toMatchObject({
      status: 'succeeded',
      paid: true,
      amount: 19_900,
      amount_refunded: 0,
      refunded: false,
      payment_intent: intent.id,
    });
    expect((await stripe.invoicePayments.retrieve(payment.id)).id).toBe(payment.id);
    expectStripeKeys('invoice_payment', payment);
    expectStripeKeys('payment_intent', intent);
    expectStripeKeys('charge', charge);
  });

  it('records a failed charge on the PaymentIntent and reuses it when the invoice is paid later', async () => {
    const { customer, subscription } = await subscriber('payments-retry@example.com', emulator.priceIds.PRO);
    const failing = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    await stripe.subscriptions.update(subscription.id, { default_payment_method: failing.id });
    const upgraded = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: subscription.items.data[0]?.id ?? '', price: emulator.priceIds.SCALE }],
      proration_behavior: 'always_invoice',
      payment_behavior: 'pending_if_incomplete',
    });
    const invoiceId = String(upgraded.latest_invoice);
    const failed = await paymentIntentOf(invoiceId);
    expect(failed).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' },
    });
    expect((await stripe.invoicePayments.list({ invoice: invoiceId })).data[0]?.status).toBe('open');

    await stripe.invoices.pay(invoiceId, { payment_method: 'pm_card_visa' });
    const succeeded = await paymentIntentOf(invoiceId);
    expect(succeeded.id).toBe(failed.id);
    expect(succeeded.status).toBe('succeeded');
    const charges = await stripe.charges.list({ payment_intent: failed.id });
    expect(charges.data.map((charge) => charge.status)).toEqual(['succeeded', 'failed']);
  });
});

describe('refunds', () => {
  it('refunds part, then the rest of a payment; refuses more than is left, as Stripe words it', async () => {
    const { subscription } = await subscriber('refunds@example.com', emulator.priceIds.PRO);
    const intent = await paymentIntentOf(String(subscription.latest_invoice));

    const partial = await stripe.refunds.create({
      payment_intent: intent.id,
      amount: 1_000,
      reason: 'duplicate',
      metadata: { incident: 'dup-1' },
    });
    expect(partial).toMatchObject({
      object: 'refund',
      status: 'succeeded',
      amount: 1_000,
      reason: 'duplicate',
      payment_intent: intent.id,
      charge: intent.latest_charge,
      metadata: { incident: 'dup-1' },
    });
    expect(partial.id).toMatch(/^re_/);
    expectStripeKeys('refund', partial);
    expect(await stripe.charges.retrieve(String(intent.latest_charge))).toMatchObject({
      amount_refunded: 1_000,
      refunded: false,
    });

    const tooMuch = await stripe.refunds
      .create({ payment_intent: intent.id, amount: 4_900 })
      .catch((caught: unknown) => caught as Stripe.errors.StripeError);
    expect(tooMuch).toMatchObject({
      statusCode: 400,
      rawType: 'invalid_request_error',
      param: 'amount',
      message: 'Refund amount ($49.00) is greater than unrefunded amount on charge ($39.00)',
    });

    const rest = await stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(3_900);
    expect(await stripe.charges.retrieve(String(intent.latest_charge))).toMatchObject({
      amount_refunded: 4_900,
      refunded: true,
    });
    await expect(stripe.refunds.create({ payment_intent: intent.id, amount: 1 })).rejects.toMatchObject({
      statusCode: 400,
      code: 'charge_already_refunded',
      message: `Charge ${intent.latest_charge} has already been refunded.`,
    });

    expect((await stripe.refunds.list({ payment_intent: intent.id })).data.map((refund) => refund.id)).toEqual([
      rest.id,
      partial.id,
    ]);
    expect((await stripe.refunds.retrieve(partial.id)).amount).toBe(1_000);
    const created = await stripe.events.list({ type: 'refund.created', limit: 10 });
    expect(created.data.map((event) => (event.data.object as Stripe.Refund).id)).toEqual(
      expect.arrayContaining([partial.id, rest.id]),
    );
    const refunded = await stripe.events.list({ type: 'charge.refunded', limit: 1 });
    expect(refunded.data[0]?.data.object).toMatchObject({
      id: intent.latest_charge,
      amount_refunded: 4_900,
      refunded: true,
    });
    expect(refunded.data[0]?.data.previous_attributes).toMatchObject({ amount_refunded: 1_000, refunded: false });
  });

  it('needs a payment_intent or charge, and a PaymentIntent that succeeded', async () => {
    await expect(stripe.refunds.create({ amount: 100 })).rejects.toMatchObject({
      statusCode: 400,
      rawType: 'invalid_request_error',
      code: 'parameter_missing',
    });
    await expect(stripe.refunds.create({ payment_intent: 'pi_missing' })).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'payment_intent',
    });
    const { customer, subscription } = await subscriber('refund-unpaid@example.com', emulator.priceIds.PRO);
    await stripe.subscriptions.update(subscription.id, {
      default_payment_method: (
        await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id })
      ).id,
    });
    const upgraded = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: subscription.items.data[0]?.id ?? '', price: emulator.priceIds.SCALE }],
      proration_behavior: 'always_invoice',
      payment_behavior: 'pending_if_incomplete',
    });
    const unpaid = await paymentIntentOf(String(upgraded.latest_invoice));
    await expect(stripe.refunds.create({ payment_intent: unpaid.id })).rejects.toMatchObject({
      statusCode: 400,
      param: 'payment_intent',
    });
  });
});

describe('cancelling with prorate and invoice_now', () => {
  it('credits the unused time on a final invoice to the customer balance, which the next invoice uses', async () => {
    const { clock, customer, subscription } = await subscriber('cancel-prorate@example.com', emulator.priceIds.PRO);
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START + 10 * DAY });
    const canceled = await stripe.subscriptions.cancel(subscription.id, {
      prorate: true,
      invoice_now: true,
      cancellation_details: { comment: 'duplicate subscription', feedback: 'other' },
      expand: ['latest_invoice'],
    });
    expect(canceled).toMatchObject({
      status: 'canceled',
      ended_at: START + 10 * DAY,
      cancellation_details: { comment: 'duplicate subscription', feedback: 'other', reason: 'cancellation_requested' },
    });
    // 21 of the period's 31 days unused (15 Jan to 15 Feb), credited at the price paid.
    const credit = Math.round((4_900 * 21) / 31);
    const final = canceled.latest_invoice as Stripe.Invoice;
    expect(final).toMatchObject({
      status: 'paid',
      total: -credit,
      amount_due: 0,
      starting_balance: 0,
      ending_balance: -credit,
    });
    expect(final.lines.data).toHaveLength(1);
    expect(final.lines.data[0]).toMatchObject({
      amount: -credit,
      description: expect.stringMatching(/^Unused time on Attribution Analytics Pro after/),
    });
    expect(final.lines.data[0]?.parent?.invoice_item_details?.proration).toBe(true);
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ balance: -credit });

    const next = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: emulator.priceIds.PRO }],
      expand: ['latest_invoice'],
    });
    expect(next.latest_invoice).toMatchObject({
      total: 4_900,
      starting_balance: -credit,
      amount_due: 4_900 - credit,
      amount_paid: 4_900 - credit,
      ending_balance: 0,
    });
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ balance: 0 });
  });

  it('leaves the credit as a pending invoice item without invoice_now, and credits nothing by default', async () => {
    const first = await subscriber('cancel-pending-credit@example.com', emulator.priceIds.SCALE);
    await stripe.subscriptions.cancel(first.subscription.id, { prorate: true });
    const pending = await stripe.invoiceItems.list({ customer: first.customer.id, pending: true });
    expect(pending.data.map((item) => [item.proration, Math.sign(item.amount)])).toEqual([[true, -1]]);

    const second = await subscriber('cancel-no-credit@example.com', emulator.priceIds.SCALE);
    const canceled = await stripe.subscriptions.cancel(second.subscription.id);
    expect(canceled.latest_invoice).toBe(second.subscription.latest_invoice);
    expect((await stripe.invoiceItems.list({ customer: second.customer.id, pending: true })).data).toEqual([]);
  });
});

describe('paying an open invoice later', () => {
  it('turns an incomplete subscription active once its first invoice is paid', async () => {
    const customer = await stripe.customers.create({
      email: 'incomplete@example.com',
      payment_method: 'pm_card_chargeCustomerFail',
    });
    const [failing] = (await stripe.customers.listPaymentMethods(customer.id)).data;
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: emulator.priceIds.PRO }],
      default_payment_method: failing?.id ?? '',
    });
    expect(subscription.status).toBe('incomplete');
    await expect(stripe.invoices.pay(String(subscription.latest_invoice))).rejects.toMatchObject({
      statusCode: 402,
      code: 'card_declined',
    });
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('incomplete');
    await stripe.invoices.pay(String(subscription.latest_invoice), { payment_method: 'pm_card_visa' });
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
  });
});

describe("payment_behavior: 'default_incomplete' on create", () => {
  it('leaves the first invoice open with its PaymentIntent waiting, the subscription incomplete until it is paid', async () => {
    const customer = await stripe.customers.create({
      email: 'default-incomplete@example.com',
      payment_method: 'pm_card_visa',
      invoice_settings: { default_payment_method: 'pm_card_visa' },
    });
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: emulator.priceIds.PRO }],
      payment_behavior: 'default_incomplete',
      expand: ['latest_invoice'],
    });
    expect(subscription.status).toBe('incomplete');
    const invoice = subscription.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: 'open', attempted: false, attempt_count: 0, amount_due: 4_900 });
    expect(await paymentIntentOf(invoice.id)).toMatchObject({ status: 'requires_payment_method', amount: 4_900 });
    await stripe.invoices.pay(invoice.id);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
  });
});
