import type { PaidPlanTier } from '@aa/plans';
import type Stripe from 'stripe';
import { planChangesOf, type PlanChangeSnapshot } from './plan-change-snapshot.js';
import { idOf, tierOfPrice, type PriceIds } from './stripe-prices.js';

/** The part of a Stripe subscription our row mirrors, in our types. */
export interface SubscriptionSnapshot extends PlanChangeSnapshot {
  stripeSubscriptionId: string;
  stripeCustomerId: string;
  stripePriceId: string;
  tier: PaidPlanTier;
  status: Stripe.Subscription.Status;
  periodStart: Date;
  periodEnd: Date;
  cancelAtPeriodEnd: boolean;
  /** When Stripe will end it (set with cancel_at_period_end too, or on its own for another date). */
  cancelAt: Date | null;
  latestInvoiceId: string | null;
  /**
   * The latest invoice's hosted page while it is open (to pay); undefined when the subscription came
   * without `latest_invoice` expanded, and what we know of that invoice stands.
   */
  openInvoiceUrl: string | null | undefined;
}

export function snapshotOf(subscription: Stripe.Subscription, priceIds: PriceIds): SubscriptionSnapshot | null {
  // Since API 2025-03-31.basil the billing period lives on the items, not on the subscription.
  const item = subscription.items.data[0];
  const customerId = idOf(subscription.customer);
  if (!item || !customerId) return null;
  const priceTier = tierOfPrice(item.price, priceIds);
  if (!priceTier) return null;
  return {
    stripeSubscriptionId: subscription.id,
    stripeCustomerId: customerId,
    stripePriceId: item.price.id,
    // A downgrade waits in a subscription schedule, so the current price is the tier paid for.
    tier: priceTier,
    status: subscription.status,
    periodStart: new Date(item.current_period_start * 1000),
    periodEnd: new Date(item.current_period_end * 1000),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    cancelAt: subscription.cancel_at === null ? null : new Date(subscription.cancel_at * 1000),
    ...latestInvoiceOf(subscription),
    ...planChangesOf(subscription, priceTier, priceIds),
  };
}

function latestInvoiceOf(
  subscription: Stripe.Subscription,
): Pick<SubscriptionSnapshot, 'latestInvoiceId' | 'openInvoiceUrl'> {
  const invoice = subscription.latest_invoice;
  if (!invoice || typeof invoice === 'string') return { latestInvoiceId: invoice ?? null, openInvoiceUrl: undefined };
  return {
    latestInvoiceId: invoice.id ?? null,
    openInvoiceUrl: invoice.status === 'open' ? (invoice.hosted_invoice_url ?? null) : null,
  };
}
