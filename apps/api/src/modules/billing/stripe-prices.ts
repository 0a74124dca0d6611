import type { PaidPlanTier } from '@aa/plans';
import type Stripe from 'stripe';

/** Our paid plans' Stripe price ids, from configuration. */
export type PriceIds = { PRO: string; SCALE: string };

/** The id of an expandable Stripe field, whether it came expanded or not. */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.id;
}

/**
 * The tier comes from the configured price ids alone, never from client input nor from the price's
 * lookup key: another price carrying `pro_monthly` (made by hand, or left from another set-up) is not
 * what we sell, so its subscription is not one of our plans (null).
 */
export function tierOfPrice(price: Pick<Stripe.Price, 'id'>, priceIds: PriceIds): PaidPlanTier | null {
  return tierOfPriceId(price.id, priceIds);
}

export function tierOfPriceId(priceId: string | null, priceIds: PriceIds): PaidPlanTier | null {
  if (priceId === priceIds.PRO) return 'PRO';
  if (priceId === priceIds.SCALE) return 'SCALE';
  return null;
}
