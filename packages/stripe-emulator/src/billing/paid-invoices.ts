import type { InvoiceObject } from '../objects/invoice-objects.js';
import { changedAttributes, type EventBatch } from '../webhooks/event-bus.js';
import { idOf, type BillingContext } from './context.js';
import { applyPendingUpdateFor } from './pending-updates.js';

/** Statuses a subscription leaves once its unpaid invoices are paid. */
const AWAITING_PAYMENT = new Set(['incomplete', 'past_due', 'unpaid']);

/**
 * What paying an invoice does to its subscription, as on Stripe: a pending update waiting on it is
 * applied, and a subscription that was `incomplete`, `past_due` or `unpaid` is `active` again once none
 * of its invoices is left open.
 */
export function settleSubscriptionOf(ctx: BillingContext, invoice: InvoiceObject, events: EventBatch): void {
  applyPendingUpdateFor(ctx, invoice, events);
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription ?? null);
  const subscription = subscriptionId ? ctx.store.subscriptions.find(subscriptionId) : undefined;
  if (!subscription || !AWAITING_PAYMENT.has(subscription.status)) return;
  const stillOpen = ctx.store.invoices
    .all()
    .some(
      (other) =>
        other.status === 'open' && idOf(other.parent?.subscription_details?.subscription ?? null) === subscription.id,
    );
  if (stillOpen) return;
  const before = structuredClone(subscription);
  subscription.status = 'active';
  events.add('customer.subscription.updated', subscription, changedAttributes(before, subscription));
}
