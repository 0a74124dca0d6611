import { invoiceIdOf, retrieveInvoice, subscriptionOfInvoice } from './invoice-of-event.js';
import { ignored, outcomeOfSync, type WebhookHandler } from './webhook-handler.js';

/**
 * The subscription turns past_due (grace period starts) and the owners get one mail per attempt,
 * unless the invoice was paid or voided before this delivery arrived.
 */
export const invoicePaymentFailed: WebhookHandler = async (event, { sync, dunning, stripe }) => {
  const invoiceId = invoiceIdOf(event);
  const invoice = await retrieveInvoice(stripe, invoiceId);
  if (!invoice) return ignored(`invoice ${invoiceId} no longer exists in Stripe`);
  const subscriptionId = subscriptionOfInvoice(invoice);
  if (!subscriptionId) return ignored(`invoice ${invoiceId} bills no subscription`);
  const synced = await sync.syncById(subscriptionId);
  const outcome = outcomeOfSync(synced, subscriptionId);
  if (synced.status !== 'synced' || !outcome.organizationId) return outcome;
  if (invoice.status === 'paid' || invoice.status === 'void') {
    return { ...outcome, result: `${outcome.result}; invoice ${invoiceId} is ${invoice.status}, no dunning mail` };
  }
  // A failed proration invoice of a pending upgrade leaves the current plan as it is: no grace period.
  const { tier, pendingTier } = synced.snapshot;
  const upgrade =
    invoice.billing_reason === 'subscription_update' && pendingTier ? { from: tier, to: pendingTier } : null;
  const mailed = await dunning.paymentFailed(outcome.organizationId, invoice, upgrade);
  return {
    ...outcome,
    result: `${outcome.result}; dunning mail ${mailed ? 'sent' : 'already sent'} for attempt ${invoice.attempt_count}`,
  };
};
