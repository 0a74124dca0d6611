import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeEmulator } from '../index.js';
import { startEmulatorWithClient } from '../testing/sdk-client.js';

let emulator: StripeEmulator;
let stripe: Stripe;

const START = Date.UTC(2026, 0, 15, 12) / 1000;
const DAY = 86_400;
/** 21 of the 31 days from 15 Jan to 15 Feb are left ten days in. */
const UNUSED_PRO = -Math.round((4_900 * 21) / 31);
const REMAINING_SCALE = Math.round((19_900 * 21) / 31);

beforeAll(async () => {
  ({ emulator, stripe } = await startEmulatorWithClient());
});
afterAll(() => emulator.close());

async function proSubscriberTenDaysIn(email: string) {
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: START });
  const customer = await stripe.customers.create({
    email,
    test_clock: clock.id,
    payment_method: 'pm_card_visa',
    invoice_settings: { default_payment_method: 'pm_card_visa' },
  });
  const subscription = await stripe.subscriptions.create({
    customer: customer.id,
    items: [{ price: emulator.priceIds.PRO }],
  });
  await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: START + 10 * DAY });
  return { customer, subscription, itemId: subscription.items.data[0]?.id ?? '' };
}

describe('invoices.createPreview', () => {
  it('previews an always_invoice upgrade as the prorations due now, equal to what the update then bills, storing nothing', async () => {
    const { customer, subscription, itemId } = await proSubscriberTenDaysIn('preview-upgrade@example.com');
    const prorationDate = START + 10 * DAY;
    const preview = await stripe.invoices.createPreview({
      customer: customer.id,
      subscription: subscription.id,
      subscription_details: {
        items: [{ id: itemId, price: emulator.priceIds.SCALE }],
        proration_behavior: 'always_invoice',
        proration_date: prorationDate,
      },
    });
    expect(preview.lines.data.map((line) => [line.amount, line.parent?.invoice_item_details?.proration])).toEqual([
      [UNUSED_PRO, true],
      [REMAINING_SCALE, true],
    ]);
    expect(preview.lines.data[0]?.description).toMatch(/^Unused time on Attribution Analytics Pro after/);
    expect(preview.lines.data[1]?.description).toMatch(/^Remaining time on Attribution Analytics Scale after/);
    expect(preview).toMatchObject({
      status: 'draft',
      total: UNUSED_PRO + REMAINING_SCALE,
      amount_due: UNUSED_PRO + REMAINING_SCALE,
      customer: customer.id,
    });
    expect(preview.id).toMatch(/^upcoming_in_/);
    expect((await stripe.invoices.list({ customer: customer.id })).data).toHaveLength(1);
    expect((await stripe.invoiceItems.list({ customer: customer.id, pending: true })).data).toEqual([]);
    expect((await stripe.subscriptions.retrieve(subscription.id)).items.data[0]?.price.id).toBe(emulator.priceIds.PRO);

    const upgraded = await stripe.subscriptions.update(subscription.id, {
      items: [{ id: itemId, price: emulator.priceIds.SCALE }],
      proration_behavior: 'always_invoice',
      proration_date: prorationDate,
      payment_behavior: 'pending_if_incomplete',
      expand: ['latest_invoice'],
    });
    expect((upgraded.latest_invoice as Stripe.Invoice).amount_due).toBe(preview.amount_due);
  });

  it('previews the next renewal: the change prorated and the next period at the new price', async () => {
    const { customer, subscription, itemId } = await proSubscriberTenDaysIn('preview-renewal@example.com');
    const preview = await stripe.invoices.createPreview({
      subscription: subscription.id,
      subscription_details: {
        items: [{ id: itemId, price: emulator.priceIds.SCALE }],
        proration_date: START + 10 * DAY,
      },
    });
    expect(preview.lines.data.map((line) => line.amount).sort((a, b) => a - b)).toEqual(
      [UNUSED_PRO, REMAINING_SCALE, 19_900].sort((a, b) => a - b),
    );
    expect(preview).toMatchObject({
      billing_reason: 'upcoming',
      total: 19_900 + UNUSED_PRO + REMAINING_SCALE,
      amount_due: 19_900 + UNUSED_PRO + REMAINING_SCALE,
      period_end: subscription.items.data[0]?.current_period_end,
    });
    const seats = await stripe.invoices.createPreview({
      subscription: subscription.id,
      subscription_details: {
        items: [{ id: itemId, quantity: 3 }],
        proration_behavior: 'always_invoice',
        proration_date: START + 10 * DAY,
      },
    });
    // A quantity change is prorated too: 1 × PRO credited, 3 × PRO charged for the rest of the period.
    expect(seats.lines.data.map((line) => line.amount)).toEqual([UNUSED_PRO, Math.round((3 * 4_900 * 21) / 31)]);
    const unchanged = await stripe.invoices.createPreview({ customer: customer.id, subscription: subscription.id });
    expect(unchanged.lines.data.map((line) => line.amount)).toEqual([4_900]);
    await expect(stripe.invoices.createPreview({})).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'customer',
    });
  });

  it("resets the cycle with billing_cycle_anchor 'now': unused time credited, a full period billed from now, as the update then does", async () => {
    const { customer, subscription, itemId } = await proSubscriberTenDaysIn('preview-anchor@example.com');
    const now = START + 10 * DAY;
    const change = {
      items: [{ id: itemId, price: emulator.priceIds.SCALE }],
      proration_date: now,
      billing_cycle_anchor: { type: 'now' as const },
    };
    const preview = await stripe.invoices.createPreview({
      subscription: subscription.id,
      subscription_details: change,
    });
    expect(preview.lines.data.map((line) => line.amount).sort((a, b) => a - b)).toEqual([UNUSED_PRO, 19_900]);
    expect(preview.amount_due).toBe(19_900 + UNUSED_PRO);

    const failing = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: failing.id } });
    const pending = await stripe.subscriptions.update(subscription.id, {
      ...change,
      payment_behavior: 'pending_if_incomplete',
      proration_behavior: 'create_prorations',
      expand: ['latest_invoice'],
    });
    expect(pending.pending_update).toMatchObject({ billing_cycle_anchor: now });
    expect(pending.billing_cycle_anchor).toBe(START);
    expect((pending.latest_invoice as Stripe.Invoice).amount_due).toBe(preview.amount_due);

    await stripe.invoices.pay((pending.latest_invoice as Stripe.Invoice).id, { payment_method: 'pm_card_visa' });
    const applied = await stripe.subscriptions.retrieve(subscription.id);
    expect(applied).toMatchObject({ billing_cycle_anchor: now, pending_update: null });
    expect(applied.items.data[0]).toMatchObject({
      current_period_start: now,
      current_period_end: Date.UTC(2026, 1, 25, 12) / 1000,
    });
    expect(applied.items.data[0]?.price.id).toBe(emulator.priceIds.SCALE);
  });
});
