import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeEmulator } from '../index.js';
import { startEmulatorWithClient } from '../testing/sdk-client.js';

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emulator, stripe } = await startEmulatorWithClient());
});
afterAll(() => emulator.close());

async function proSubscriber(email: string): Promise<{ customer: Stripe.Customer; subscription: Stripe.Subscription }> {
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

function upgrade(subscription: Stripe.Subscription): Promise<Stripe.Subscription> {
  return stripe.subscriptions.update(subscription.id, {
    items: [{ id: subscription.items.data[0]?.id ?? '', price: emulator.priceIds.SCALE }],
    proration_behavior: 'always_invoice',
    expand: ['latest_invoice'],
  });
}

describe('subscription changes', () => {
  it('charges an always_invoice upgrade at once with the prorated difference', async () => {
    const { subscription } = await proSubscriber('upgrade@example.com');
    const upgraded = await upgrade(subscription);
    const invoice = upgraded.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ billing_reason: 'subscription_update', status: 'paid' });
    expect(invoice.lines.data.map((line) => line.parent?.invoice_item_details?.proration)).toEqual([true, true]);
    // Upgraded moments after subscribing: nearly the whole price difference is due.
    expect(invoice.total).toBeGreaterThan(19_900 - 4_900 - 10);
    expect(invoice.total).toBeLessThanOrEqual(19_900 - 4_900);
    expect(upgraded.status).toBe('active');
  });

  it('leaves the subscription past_due when the upgrade charge fails', async () => {
    const { customer, subscription } = await proSubscriber('upgrade-fails@example.com');
    const failing = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: failing.id } });
    const upgraded = await upgrade(subscription);
    expect(upgraded.status).toBe('past_due');
    expect((upgraded.latest_invoice as Stripe.Invoice).status).toBe('open');
  });

  it('cancels at once, refuses a second cancel, and lists canceled ones only when asked', async () => {
    const { customer, subscription } = await proSubscriber('cancel-now@example.com');
    const canceled = await stripe.subscriptions.cancel(subscription.id);
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_details: { reason: 'cancellation_requested' } });
    expect(canceled.ended_at).not.toBeNull();
    await expect(stripe.subscriptions.cancel(subscription.id)).rejects.toMatchObject({ statusCode: 400 });
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data.map((s) => s.id)).toEqual([
      subscription.id,
    ]);
    const deleted = await stripe.events.list({ type: 'customer.subscription.deleted', limit: 1 });
    expect((deleted.data[0]?.data.object as Stripe.Subscription).id).toBe(subscription.id);
  });

  it('cancels the subscriptions of a deleted customer', async () => {
    const { customer, subscription } = await proSubscriber('deleted-customer@example.com');
    await stripe.customers.del(customer.id);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('canceled');
    // Stripe still answers a deleted customer's retrieval, marked deleted.
    expect(await stripe.customers.retrieve(customer.id)).toMatchObject({ id: customer.id, deleted: true });
  });

  it('starts a trial without charging and announces its end', async () => {
    const customer = await stripe.customers.create({ email: 'trial@example.com' });
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: emulator.priceIds.PRO }],
      trial_period_days: 2,
      expand: ['latest_invoice'],
    });
    expect(subscription).toMatchObject({ status: 'trialing', trial_end: (subscription.trial_start ?? 0) + 2 * 86_400 });
    expect(subscription.latest_invoice as Stripe.Invoice).toMatchObject({ total: 0, status: 'paid' });
    const notices = await stripe.events.list({ type: 'customer.subscription.trial_will_end', limit: 1 });
    expect((notices.data[0]?.data.object as Stripe.Subscription).id).toBe(subscription.id);
  });
});
