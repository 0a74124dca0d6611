import { comparePlans, isPaidPlanTier, planForLookupKey, type PaidPlanTier } from '@aa/plans';
import type Stripe from 'stripe';

/** The part of a Stripe subscription our row mirrors, in our types. */
export interface SubscriptionSnapshot {
  stripeSubscriptionId: string;
  stripeCustomerId: string;
  stripePriceId: string;
  tier: PaidPlanTier;
  status: Stripe.Subscription.Status;
  periodStart: Date;
  periodEnd: Date;
  cancelAtPeriodEnd: boolean;
}

export type PriceIds = { PRO: string; SCALE: string };

/**
 * A downgrade takes effect when the period already paid for ends. Stripe bills the lower price from
 * the next invoice; these subscription metadata keys (written by our changePlan) keep the tier that
 * was paid for until that period's end, so the entitlement is part of Stripe's state too.
 */
export const PAID_TIER_KEY = 'aa_paid_tier';
export const PAID_TIER_UNTIL_KEY = 'aa_paid_tier_until';

export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.id;
}

/**
 * The tier comes from Stripe's price (its lookup key, else the configured price id), never from
 * client input. Null when the subscription is not for one of our plans.
 */
export function tierOfPrice(price: Stripe.Price, priceIds: PriceIds): PaidPlanTier | null {
  const byLookupKey = price.lookup_key ? planForLookupKey(price.lookup_key) : null;
  if (byLookupKey && isPaidPlanTier(byLookupKey)) return byLookupKey;
  if (price.id === priceIds.PRO) return 'PRO';
  if (price.id === priceIds.SCALE) return 'SCALE';
  return null;
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
    tier: paidTierOf(subscription, priceTier, item.current_period_end),
    status: subscription.status,
    periodStart: new Date(item.current_period_start * 1000),
    periodEnd: new Date(item.current_period_end * 1000),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
  };
}

/** The higher tier paid for before a downgrade, while the subscription is still in that period. */
export function paidTierOf(subscription: Stripe.Subscription, priceTier: PaidPlanTier, periodEnd: number): PaidPlanTier {
  const paid = subscription.metadata[PAID_TIER_KEY];
  const until = Number(subscription.metadata[PAID_TIER_UNTIL_KEY]);
  if (paid === undefined || !isPaidPlanTier(paid) || !Number.isFinite(until)) return priceTier;
  return periodEnd <= until && comparePlans(paid, priceTier) > 0 ? paid : priceTier;
}
