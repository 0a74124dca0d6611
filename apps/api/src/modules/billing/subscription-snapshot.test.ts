import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBillingKit, type BillingKit } from './test/billing-test-kit.js';
import { snapshotOf } from './subscription-snapshot.js';
import { tierOfPrice } from './stripe-prices.js';
import { graphql } from '../../test/gql/index.js';

let kit: BillingKit;
beforeAll(async () => {
  kit = await startBillingKit();
});
afterAll(() => kit.stop());

describe('which prices are our plans', () => {
  it('only the configured price ids: a price with lookup key pro_monthly but another id is not PRO', async () => {
    const { PRO } = kit.emulator.priceIds;
    const configured = await kit.stripe.prices.retrieve(PRO);
    expect(configured.lookup_key).toBe('pro_monthly');
    expect(tierOfPrice(configured, kit.emulator.priceIds)).toBe('PRO');
    expect(tierOfPrice({ ...configured, id: 'price_SomeoneElses' }, kit.emulator.priceIds)).toBeNull();
  });

  it('a subscription to a price that took over our lookup key grants nothing: its webhooks are ignored and the organization stays FREE', async () => {
    const user = await kit.t.signUp();
    await kit.onTestClock(user);
    const [row] = await kit.t.sql<{ stripe_customer_id: string }>(
      'select stripe_customer_id from billing_customer where organization_id = ?',
      [user.organizationId],
    );
    const customer = row?.stripe_customer_id ?? '';
    const product = String((await kit.stripe.prices.retrieve(kit.emulator.priceIds.PRO)).product);
    const impostor = await kit.stripe.prices.create({
      product,
      currency: 'usd',
      unit_amount: 100,
      recurring: { interval: 'month' },
      lookup_key: 'pro_monthly',
      transfer_lookup_key: true,
    });
    const card = await kit.stripe.paymentMethods.attach('pm_card_visa', { customer });
    const subscription = await kit.stripe.subscriptions.create({
      customer,
      items: [{ price: impostor.id }],
      default_payment_method: card.id,
    });
    expect(subscription.status).toBe('active');
    await kit.settled();

    const [created] = await kit.t.sql<{ status: string; result: string }>(
      `select status, result from stripe_webhook_event where type = 'customer.subscription.created' and object_id = ?`,
      [subscription.id],
    );
    expect(created).toEqual({ status: 'ignored', result: `not-our-plan: subscription ${subscription.id}` });
    expect(await kit.planOf(user)).toEqual({ tier: 'FREE', runs: 500 });
    const account = await kit.t.graphql(
      graphql(`
        query SubscriptionSnapshotBillingAccount {
          billingAccount {
            canCheckout
            subscription {
              id
            }
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(account.data?.billingAccount).toEqual({ canCheckout: true, subscription: null });
  });
});

describe('what the snapshot mirrors', () => {
  async function subscribed(): Promise<Stripe.Subscription> {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    return kit.stripe.subscriptions.retrieve(await kit.subscriptionIdOf(user), { expand: ['latest_invoice'] });
  }

  it('cancel_at, also when it is set on its own for a date other than the period end', async () => {
    const subscription = await subscribed();
    expect(snapshotOf(subscription, kit.emulator.priceIds)).toMatchObject({ cancelAtPeriodEnd: false, cancelAt: null });
    const cancelAt = (subscription.items.data[0]?.current_period_end ?? 0) - 86_400;
    const scheduled = snapshotOf({ ...subscription, cancel_at: cancelAt }, kit.emulator.priceIds);
    expect(scheduled).toMatchObject({ cancelAtPeriodEnd: false, cancelAt: new Date(cancelAt * 1000) });
  });

  it('the latest invoice: its hosted page only while it is open; unknown (kept) when it is not expanded', async () => {
    const subscription = await subscribed();
    const invoice = subscription.latest_invoice as Stripe.Invoice;
    expect(snapshotOf(subscription, kit.emulator.priceIds)).toMatchObject({
      latestInvoiceId: invoice.id,
      openInvoiceUrl: null,
    });
    const open = { ...subscription, latest_invoice: { ...invoice, status: 'open' as const } };
    expect(snapshotOf(open, kit.emulator.priceIds)).toMatchObject({ openInvoiceUrl: invoice.hosted_invoice_url });
    const unexpanded = { ...subscription, latest_invoice: invoice.id ?? null };
    const snapshot = snapshotOf(unexpanded, kit.emulator.priceIds);
    expect(snapshot?.latestInvoiceId).toBe(invoice.id);
    expect(snapshot?.openInvoiceUrl).toBeUndefined();
  });
});
