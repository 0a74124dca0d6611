import { planForLookupKey, type PlanTier } from '@aa/plans';
import type Stripe from 'stripe';

/** The part of a Stripe subscription our row mirrors, in our types. */
export interface SubscriptionSnapshot {
  stripeSubscriptionId: string;
  stripeCustomerId: string;
  stripePriceId: string;
  tier: Exclude<PlanTier, 'FREE'>;
  status: Stripe.Subscription.Status;
  periodStart: Date;
  periodEnd: Date;
  cancelAtPeriodEnd: boolean;
}

export type PriceIds = { PRO: string; SCALE: string };

export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.id;
}

/**
 * The tier comes from Stripe's price (its lookup key, else the configured price id), never from
 * client input. Null when the subscription is not for one of our plans.
 */
export function tierOfPrice(price: Stripe.Price, priceIds: PriceIds): Exclude<PlanTier, 'FREE'> | null {
  const byLookupKey = price.lookup_key ? planForLookupKey(price.lookup_key) : null;
  if (byLookupKey === 'PRO' || byLookupKey === 'SCALE') return byLookupKey;
  if (price.id === priceIds.PRO) return 'PRO';
  if (price.id === priceIds.SCALE) return 'SCALE';
  return null;
}

export function snapshotOf(subscription: Stripe.Subscription, priceIds: PriceIds): SubscriptionSnapshot | null {
  // Since API 2025-03-31.basil the billing period lives on the items, not on the subscription.
  const item = subscription.items.data[0];
  const customerId = idOf(subscription.customer);
  if (!item || !customerId) return null;
  const tier = tierOfPrice(item.price, priceIds);
  if (!tier) return null;
  return {
    stripeSubscriptionId: subscription.id,
    stripeCustomerId: customerId,
    stripePriceId: item.price.id,
    tier,
    status: subscription.status,
    periodStart: new Date(item.current_period_start * 1000),
    periodEnd: new Date(item.current_period_end * 1000),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
  };
}
