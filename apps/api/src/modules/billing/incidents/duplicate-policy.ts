import { GRACE_STATUSES, PAID_STATUSES } from '../subscription-access.js';

/** What the policy reads of a live Stripe subscription. */
export interface LiveSubscription {
  id: string;
  /** Stripe's `created`, Unix seconds. */
  created: number;
  status: string;
}

/**
 * Which of two live subscriptions of one organization stays. One that bills (paid, or past_due in
 * its grace period) beats one that does not (an abandoned `incomplete` must never push out a paying
 * one); then the newest by Stripe's `created` (the customer's latest choice, e.g. one made in the
 * Dashboard); then the greater id, so every delivery, in any order, picks the same one.
 */
export function keptOf(a: LiveSubscription, b: LiveSubscription): LiveSubscription {
  const byBilling = Number(bills(a.status)) - Number(bills(b.status));
  if (byBilling !== 0) return byBilling > 0 ? a : b;
  if (a.created !== b.created) return a.created > b.created ? a : b;
  return a.id > b.id ? a : b;
}

function bills(status: string): boolean {
  return [...PAID_STATUSES, ...GRACE_STATUSES].some((billing) => billing === status);
}

/**
 * The part of a payment to give back when a subscription is cancelled at `cancelledAt` in a period it
 * paid for: the unused time, as Stripe prorates, never more than was paid.
 */
export function unusedShareCents(
  paidCents: number,
  period: { start: number; end: number },
  cancelledAt: number,
): number {
  const length = period.end - period.start;
  if (length <= 0 || paidCents <= 0) return 0;
  const unused = Math.min(Math.max(period.end - cancelledAt, 0), length);
  return Math.round((paidCents * unused) / length);
}
