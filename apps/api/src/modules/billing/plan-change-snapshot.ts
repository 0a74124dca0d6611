import type { PaidPlanTier } from '@aa/plans';
import type Stripe from 'stripe';
import { idOf, tierOfPriceId, type PriceIds } from './stripe-prices.js';

/**
 * What Stripe holds for a subscription's plan besides its current price: a downgrade waiting in a
 * subscription schedule, and an upgrade waiting for its invoice to be paid (`pending_update`).
 * Mirrored on our row so the app can say "Scale until 31 Dec, then Pro" or "payment needed".
 */
export interface PlanChangeSnapshot {
  /** The schedule attached to the subscription, kept even when no phase changes the tier any more. */
  scheduleId: string | null;
  scheduledTier: PaidPlanTier | null;
  scheduledAt: Date | null;
  pendingTier: PaidPlanTier | null;
  pendingInvoiceUrl: string | null;
  pendingExpiresAt: Date | null;
}

const OPEN_SCHEDULE: ReadonlySet<string> = new Set(['not_started', 'active']);

/**
 * Reads the schedule and the latest invoice from the subscription as retrieved with
 * `expand: ['latest_invoice', 'schedule']` (SUBSCRIPTION_EXPAND); an unexpanded schedule is only an id.
 */
export function planChangesOf(
  subscription: Stripe.Subscription,
  currentTier: PaidPlanTier,
  priceIds: PriceIds,
): PlanChangeSnapshot {
  const schedule = subscription.schedule;
  const scheduled =
    schedule && typeof schedule !== 'string' ? scheduledChangeOf(schedule, currentTier, priceIds) : null;
  const pending = pendingChangeOf(subscription, currentTier, priceIds);
  return {
    scheduleId: idOf(schedule),
    scheduledTier: scheduled?.tier ?? null,
    scheduledAt: scheduled?.at ?? null,
    pendingTier: pending?.tier ?? null,
    pendingInvoiceUrl: pending?.invoiceUrl ?? null,
    pendingExpiresAt: pending?.expiresAt ?? null,
  };
}

/** The first phase after the current one that moves to another of our tiers. */
function scheduledChangeOf(
  schedule: Stripe.SubscriptionSchedule,
  currentTier: PaidPlanTier,
  priceIds: PriceIds,
): { tier: PaidPlanTier; at: Date } | null {
  if (!OPEN_SCHEDULE.has(schedule.status)) return null;
  const currentEnd = schedule.current_phase?.end_date ?? null;
  const later = schedule.phases
    .filter((phase) => currentEnd === null || phase.start_date >= currentEnd)
    .sort((a, b) => a.start_date - b.start_date);
  for (const phase of later) {
    const tier = tierOfPriceId(idOf(phase.items[0]?.price), priceIds);
    if (tier && tier !== currentTier) return { tier, at: new Date(phase.start_date * 1000) };
  }
  return null;
}

function pendingChangeOf(
  subscription: Stripe.Subscription,
  currentTier: PaidPlanTier,
  priceIds: PriceIds,
): { tier: PaidPlanTier; invoiceUrl: string | null; expiresAt: Date } | null {
  const pending = subscription.pending_update;
  const tier = tierOfPriceId(pending?.subscription_items?.[0]?.price.id ?? null, priceIds);
  if (!pending || !tier || tier === currentTier) return null;
  // The update waits on the invoice it created, which is the subscription's latest while it is open.
  const invoice = subscription.latest_invoice;
  const invoiceUrl =
    invoice && typeof invoice !== 'string' && invoice.status === 'open' ? (invoice.hosted_invoice_url ?? null) : null;
  return { tier, invoiceUrl, expiresAt: new Date(pending.expires_at * 1000) };
}
