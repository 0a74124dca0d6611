import type { InvoiceObject } from '../objects/invoice-objects.js';
import type { SubscriptionItemObject, SubscriptionObject } from '../objects/subscription-objects.js';
import { changedAttributes, type EventBatch } from '../webhooks/event-bus.js';
import { idOf, type BillingContext } from './context.js';

/** Stripe keeps a pending update at most 23 hours, and never past the period or trial end. */
const PENDING_UPDATE_LIFETIME_SECONDS = 23 * 3600;

/** The parameters Stripe accepts together with `payment_behavior: 'pending_if_incomplete'`. */
const PENDING_UPDATE_PARAMS = new Set([
  'expand',
  'payment_behavior',
  'proration_behavior',
  'proration_date',
  'billing_cycle_anchor',
  'items',
  'trial_end',
  'trial_from_plan',
  'add_invoice_items',
]);
/** Of an item, only its price and quantity can change (`id` names the item changed). */
const PENDING_ITEM_PARAMS = new Set(['id', 'price', 'quantity']);

/** The first parameter of an update that a pending update cannot carry, or null when all can. */
export function paramUnsupportedByPendingUpdate(params: object): string | null {
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (!PENDING_UPDATE_PARAMS.has(key)) return key;
    if (key !== 'items' || !Array.isArray(value)) continue;
    for (const [index, item] of (value as object[]).entries()) {
      const itemKey = Object.keys(item).find((field) => !PENDING_ITEM_PARAMS.has(field));
      if (itemKey) return `items[${index}][${itemKey}]`;
    }
  }
  return null;
}

/** What the subscription will become once the update's invoice is paid (`subscription.pending_update`). */
export function pendingUpdateOf(
  subscription: SubscriptionObject,
  items: SubscriptionItemObject[],
  now: number,
  billingCycleAnchor: number | null,
): NonNullable<SubscriptionObject['pending_update']> {
  const periodEnd = subscription.items.data[0]?.current_period_end ?? now + PENDING_UPDATE_LIFETIME_SECONDS;
  const trialEnd = subscription.status === 'trialing' ? (subscription.trial_end ?? Infinity) : Infinity;
  return {
    billing_cycle_anchor: billingCycleAnchor,
    cancel_at_period_end: null,
    discount: null,
    discounts: null,
    expires_at: Math.min(now + PENDING_UPDATE_LIFETIME_SECONDS, periodEnd, trialEnd),
    metadata: null,
    subscription_items: items,
    trial_end: null,
    trial_from_plan: null,
  };
}

/** The subscription whose pending update waits on this invoice (its latest invoice while pending). */
export function subscriptionAwaiting(ctx: BillingContext, invoice: InvoiceObject): SubscriptionObject | null {
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription ?? null);
  const subscription = subscriptionId ? ctx.store.subscriptions.find(subscriptionId) : undefined;
  if (!subscription?.pending_update || idOf(subscription.latest_invoice) !== invoice.id) return null;
  return subscription;
}

/** The invoice of a pending update is paid: the update takes effect and `pending_update` is cleared. */
export function applyPendingUpdateFor(ctx: BillingContext, invoice: InvoiceObject, events: EventBatch): void {
  const subscription = subscriptionAwaiting(ctx, invoice);
  if (!subscription?.pending_update) return;
  const before = structuredClone(subscription);
  subscription.items.data = subscription.pending_update.subscription_items ?? subscription.items.data;
  subscription.billing_cycle_anchor =
    subscription.pending_update.billing_cycle_anchor ?? subscription.billing_cycle_anchor;
  subscription.pending_update = null;
  const changed = changedAttributes(before, subscription);
  events
    .add('customer.subscription.pending_update_applied', subscription, changed)
    .add('customer.subscription.updated', subscription, changed);
}

/** The invoice of a pending update is voided: the update is discarded, the subscription keeps its items. */
export function discardPendingUpdateFor(ctx: BillingContext, invoice: InvoiceObject, events: EventBatch): void {
  const subscription = subscriptionAwaiting(ctx, invoice);
  if (!subscription?.pending_update) return;
  const before = structuredClone(subscription);
  subscription.pending_update = null;
  events.add('customer.subscription.pending_update_expired', subscription, changedAttributes(before, subscription));
}
