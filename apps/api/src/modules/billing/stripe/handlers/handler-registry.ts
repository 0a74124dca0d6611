import { checkoutSessionCompleted } from './checkout-session-completed.handler.js';
import { customerDeleted } from './customer-deleted.handler.js';
import { invoicePaid } from './invoice-paid.handler.js';
import { invoicePaymentFailed } from './invoice-payment-failed.handler.js';
import { subscriptionChanged } from './subscription-changed.handler.js';
import { subscriptionScheduleChanged } from './subscription-schedule-changed.handler.js';
import { trialWillEnd } from './trial-will-end.handler.js';
import type { WebhookHandler } from './webhook-handler.js';

/** The event types we act on; any other type is recorded as ignored and answered 2xx. */
export const WEBHOOK_HANDLERS: Readonly<Record<string, WebhookHandler>> = {
  'checkout.session.completed': checkoutSessionCompleted,
  'customer.subscription.created': subscriptionChanged,
  'customer.subscription.updated': subscriptionChanged,
  'customer.subscription.deleted': subscriptionChanged,
  // An upgrade waiting for payment: applied once its invoice is paid, dropped when it expires.
  'customer.subscription.pending_update_applied': subscriptionChanged,
  'customer.subscription.pending_update_expired': subscriptionChanged,
  'subscription_schedule.created': subscriptionScheduleChanged,
  'subscription_schedule.updated': subscriptionScheduleChanged,
  'subscription_schedule.released': subscriptionScheduleChanged,
  'subscription_schedule.canceled': subscriptionScheduleChanged,
  'subscription_schedule.completed': subscriptionScheduleChanged,
  'invoice.paid': invoicePaid,
  'invoice.payment_failed': invoicePaymentFailed,
  'customer.subscription.trial_will_end': trialWillEnd,
  'customer.deleted': customerDeleted,
};

/**
 * Events of these types that name the same object are settled by one run of their handler: it
 * fetches that object again from Stripe and converges on it, so a run that starts after all of them
 * were recorded applies each. A burst of updates to one subscription costs one Stripe call, not one
 * each (and stays far from Stripe's rate limit). Other events are applied one by one.
 */
export function coalescingKey({ type, objectId }: { type: string; objectId: string | null }): string | null {
  if (WEBHOOK_HANDLERS[type] !== subscriptionChanged || objectId === null) return null;
  return `subscription:${objectId}`;
}
