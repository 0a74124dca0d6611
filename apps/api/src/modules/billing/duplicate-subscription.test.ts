import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedUpUser } from '../../test/harness.js';
import { startBillingKit, type BillingKit } from './test/billing-test-kit.js';
import { graphql } from '../../test/gql/index.js';

let kit: BillingKit;
beforeAll(async () => {
  kit = await startBillingKit();
});
afterAll(() => kit.stop());

const HOUR_MS = 3_600_000;
const PRICE_CENTS = { PRO: 4900, SCALE: 19900 } as const;
const INCIDENTS = graphql(`
  query DuplicateSubscriptionBillingIncidents {
    billingIncidents {
      id
      kind
      stripeSubscriptionId
      keptStripeSubscriptionId
      planTier
      refundedCents
      detail
      createdAt
    }
  }
`);

interface IncidentView {
  id: string;
  kind: string;
  stripeSubscriptionId: string;
  keptStripeSubscriptionId: string | null;
  planTier: string | null;
  refundedCents: number;
  detail: string;
  createdAt: string;
}

async function customerOf(user: SignedUpUser): Promise<string> {
  const [row] = await kit.t.sql<{ stripe_customer_id: string }>(
    'select stripe_customer_id from billing_customer where organization_id = ?',
    [user.organizationId],
  );
  if (!row) throw new Error('the organization has no Stripe customer');
  return row.stripe_customer_id;
}

async function openSessionIds(customer: string): Promise<string[]> {
  const sessions = await kit.stripe.checkout.sessions.list({ customer, status: 'open', limit: 100 });
  return sessions.data.map((session) => session.id).sort();
}

async function incidentsOf(user: SignedUpUser): Promise<IncidentView[]> {
  const result = await kit.t.graphql(INCIDENTS, {}, { cookie: user.cookie });
  if (!result.data) throw new Error(`billingIncidents failed: ${JSON.stringify(result.errors)}`);
  return result.data.billingIncidents;
}

/** Stripe's rule for which of two live subscriptions stays: the newest by `created`, then by id. */
function newestOf(subscriptions: Stripe.Subscription[]): Stripe.Subscription {
  const [newest] = [...subscriptions].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
  if (!newest) throw new Error('no subscription');
  return newest;
}

/** The refunds of the payment that paid a subscription's latest invoice. */
async function refundsOf(subscription: Stripe.Subscription): Promise<Stripe.Refund[]> {
  const invoice =
    typeof subscription.latest_invoice === 'string' ? subscription.latest_invoice : subscription.latest_invoice?.id;
  const payments = await kit.stripe.invoicePayments.list({ invoice: invoice ?? '' });
  const intent = payments.data[0]?.payment.payment_intent;
  const paymentIntent = typeof intent === 'string' ? intent : intent?.id;
  if (!paymentIntent) throw new Error(`invoice ${invoice} has no PaymentIntent`);
  return (await kit.stripe.refunds.list({ payment_intent: paymentIntent })).data;
}

/** A Checkout Session for the organization's customer made behind the app's back (a second tab that raced the first). */
async function racingSession(user: SignedUpUser, tier: 'PRO' | 'SCALE'): Promise<Stripe.Checkout.Session> {
  const metadata = { organization_id: user.organizationId, plan_tier: tier };
  return kit.stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: await customerOf(user),
    line_items: [{ price: kit.emulator.priceIds[tier], quantity: 1 }],
    success_url: 'http://app.test/billing/success',
    metadata,
    subscription_data: { metadata },
  });
}

function deliveryStatusesSince(mark: number): Array<number | null> {
  return kit.emulator
    .deliveries()
    .slice(mark)
    .map((entry) => entry.status);
}

describe('one open Checkout Session per organization', () => {
  it('returns the same open session to a second createCheckoutSession for the same tier', async () => {
    const user = await kit.t.signUp();
    const first = await kit.checkout(user, 'PRO');
    const second = await kit.checkout(user, 'PRO');
    expect(second).toEqual(first);
    expect(await openSessionIds(await customerOf(user))).toEqual([first.id]);
  });

  it('makes a new session when the open one has expired, and when its URL would expire within the hour', async () => {
    const user = await kit.t.signUp();
    const abandoned = await kit.checkout(user, 'PRO');
    await kit.stripe.checkout.sessions.expire(abandoned.id);
    const fresh = await kit.checkout(user, 'PRO');
    expect(fresh.id).not.toBe(abandoned.id);

    // Checkout Sessions expire 24 hours after they are made: 23.5 hours on, this one is not handed out again.
    kit.t.clock.set(new Date(kit.t.clock.now().getTime() + 23.5 * HOUR_MS));
    try {
      const replacement = await kit.checkout(user, 'PRO');
      expect(replacement.id).not.toBe(fresh.id);
      expect((await kit.stripe.checkout.sessions.retrieve(fresh.id)).status).toBe('expired');
      expect(await openSessionIds(await customerOf(user))).toEqual([replacement.id]);
    } finally {
      kit.t.clock.set(new Date());
    }
  });

  it('makes a new session once the paid subscription has ended (a complete session is never reused)', async () => {
    const user = await kit.t.signUp();
    const paid = await kit.checkout(user, 'PRO');
    await kit.completeCheckout(paid.id);
    await kit.settled();
    const [row] = await kit.t.sql<{ stripe_subscription_id: string }>(
      'select stripe_subscription_id from billing_subscription where organization_id = ?',
      [user.organizationId],
    );
    await kit.stripe.subscriptions.cancel(row?.stripe_subscription_id ?? '');
    await kit.settled();
    const again = await kit.checkout(user, 'PRO');
    expect(again.id).not.toBe(paid.id);
    expect((await kit.stripe.checkout.sessions.retrieve(again.id)).status).toBe('open');
  });

  it('expires the open session of another tier when a new one is made: paying the old one fails at Stripe', async () => {
    const user = await kit.t.signUp();
    const pro = await kit.checkout(user, 'PRO');
    const scale = await kit.checkout(user, 'SCALE');
    expect(scale.id).not.toBe(pro.id);
    expect((await kit.stripe.checkout.sessions.retrieve(pro.id)).status).toBe('expired');
    expect(await openSessionIds(await customerOf(user))).toEqual([scale.id]);
    await expect(kit.completeCheckout(pro.id)).rejects.toThrow(/400[\s\S]*This Checkout Session is no longer active/);

    await kit.completeCheckout(scale.id);
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });
  });
});

describe('a second subscription that still becomes active', () => {
  it('two sessions paid: keeps the newest, cancels the other at once with a prorated refund, records an incident, answers every webhook 2xx', async () => {
    const user = await kit.t.signUp();
    const pro = await kit.checkout(user, 'PRO');
    const scale = await racingSession(user, 'SCALE');
    const customer = await customerOf(user);
    const mark = kit.emulator.deliveries().length;
    await kit.completeCheckout(pro.id);
    await kit.completeCheckout(scale.id);
    await kit.settled();

    const all = (await kit.stripe.subscriptions.list({ customer, status: 'all', expand: ['data.latest_invoice'] }))
      .data;
    expect(all).toHaveLength(2);
    const kept = newestOf(all);
    const cancelled = all.find((subscription) => subscription.id !== kept.id);
    if (!cancelled) throw new Error('no second subscription');
    expect(kept.status).toBe('active');
    expect(cancelled.status).toBe('canceled');
    const cancelledTier = cancelled.items.data[0]?.price.id === kit.emulator.priceIds.PRO ? 'PRO' : 'SCALE';
    const keptTier = cancelledTier === 'PRO' ? 'SCALE' : 'PRO';

    // Paid seconds ago: nearly all of the period is unused, so nearly all of the payment comes back.
    const refunds = await refundsOf(cancelled);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.amount).toBeGreaterThan(PRICE_CENTS[cancelledTier] - 10);
    expect(refunds[0]?.amount).toBeLessThanOrEqual(PRICE_CENTS[cancelledTier]);
    expect(refunds[0]?.status).toBe('succeeded');

    expect(await kit.planOf(user)).toEqual(
      keptTier === 'PRO' ? { tier: 'PRO', runs: 5000 } : { tier: 'SCALE', runs: 25000 },
    );
    const rows = await kit.t.sql<{ stripe_subscription_id: string; status: string }>(
      'select stripe_subscription_id, status from billing_subscription where organization_id = ? order by status',
      [user.organizationId],
    );
    expect(rows).toEqual([
      { stripe_subscription_id: kept.id, status: 'active' },
      { stripe_subscription_id: cancelled.id, status: 'canceled' },
    ]);
    expect(await incidentsOf(user)).toEqual([
      {
        id: expect.any(String),
        kind: 'DUPLICATE_SUBSCRIPTION',
        stripeSubscriptionId: cancelled.id,
        keptStripeSubscriptionId: kept.id,
        planTier: cancelledTier,
        refundedCents: refunds[0]?.amount,
        detail: expect.stringContaining(kept.id),
        createdAt: expect.any(String),
      },
    ]);
    const statuses = deliveryStatusesSince(mark);
    expect(statuses.length).toBeGreaterThan(8);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);

    // Every event of both subscriptions again, twice: nothing is refunded or recorded a second time.
    const eventIds = [
      ...new Set(
        kit.emulator
          .deliveries()
          .slice(mark)
          .map((entry) => entry.eventId),
      ),
    ];
    const redelivered = kit.emulator.deliveries().length;
    for (const eventId of eventIds) await kit.emulator.deliverTwice(eventId);
    await kit.settled();
    expect(deliveryStatusesSince(redelivered).filter((status) => status !== 200)).toEqual([]);
    expect(await refundsOf(cancelled)).toHaveLength(1);
    expect(await incidentsOf(user)).toHaveLength(1);
    expect((await kit.stripe.subscriptions.retrieve(kept.id)).status).toBe('active');
  });

  it('a subscription created in the Dashboard beside the paid one: the newer stays, the older is cancelled and refunded', async () => {
    const user = await kit.t.signUp();
    // The organization's customer lives on a test clock an hour behind, so the second subscription is clearly newer.
    const start = Math.floor(Date.now() / 1000) - 3600;
    const clock = await kit.stripe.testHelpers.testClocks.create({ frozen_time: start });
    const customer = await kit.stripe.customers.create({
      email: user.email,
      test_clock: clock.id,
      metadata: { organization_id: user.organizationId },
    });
    await kit.t.sql(
      'insert into billing_customer (organization_id, stripe_customer_id, email, created_at) values (?, ?, ?, now())',
      [user.organizationId, customer.id, user.email],
    );
    await kit.subscribe(user, 'PRO');
    const [first] = (await kit.stripe.subscriptions.list({ customer: customer.id })).data;
    if (!first) throw new Error('checkout made no subscription');

    await kit.stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: start + 1800 });
    const mark = kit.emulator.deliveries().length;
    const dashboard = await kit.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: kit.emulator.priceIds.SCALE }],
      default_payment_method:
        typeof first.default_payment_method === 'string'
          ? first.default_payment_method
          : (first.default_payment_method?.id ?? ''),
    });
    await kit.settled();

    expect((await kit.stripe.subscriptions.retrieve(dashboard.id)).status).toBe('active');
    const cancelled = await kit.stripe.subscriptions.retrieve(first.id);
    expect(cancelled.status).toBe('canceled');
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });
    // Half an hour of a month was used: the refund is the rest of the $49, to the cent of Stripe's proration.
    const [refund] = await refundsOf(cancelled);
    const period = (first.items.data[0]?.current_period_end ?? 0) - (first.items.data[0]?.current_period_start ?? 0);
    const unused = (first.items.data[0]?.current_period_end ?? 0) - (cancelled.canceled_at ?? 0);
    expect(refund?.amount).toBe(Math.round((PRICE_CENTS.PRO * unused) / period));
    const [incident] = await incidentsOf(user);
    expect(incident).toMatchObject({
      stripeSubscriptionId: first.id,
      keptStripeSubscriptionId: dashboard.id,
      planTier: 'PRO',
      refundedCents: refund?.amount,
    });
    expect(deliveryStatusesSince(mark).filter((status) => status !== 200)).toEqual([]);
  });

  it('shows incidents to the organization admins only', async () => {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    const customer = await customerOf(user);
    const [first] = (await kit.stripe.subscriptions.list({ customer })).data;
    await kit.stripe.subscriptions.create({
      customer,
      items: [{ price: kit.emulator.priceIds.SCALE }],
      default_payment_method: typeof first?.default_payment_method === 'string' ? first.default_payment_method : '',
    });
    await kit.settled();
    expect(await incidentsOf(user)).toHaveLength(1);

    const stranger = await kit.t.signUp();
    expect(await incidentsOf(stranger)).toEqual([]);
    const member = await kit.t.signUp();
    await kit.t.sql(`update membership set role = 'MEMBER' where user_id = (select id from app_user where email = ?)`, [
      member.email,
    ]);
    const refused = await kit.t.graphql(INCIDENTS, {}, { cookie: member.cookie });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
