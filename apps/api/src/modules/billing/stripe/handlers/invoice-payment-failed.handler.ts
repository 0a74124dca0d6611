import type Stripe from 'stripe';
import { ignored, outcomeOfSync, subscriptionOfInvoice, type WebhookHandler } from './webhook-handler.js';

/** The subscription turns past_due (grace period starts) and the owners get one mail per attempt. */
export const invoicePaymentFailed: WebhookHandler = async (event, { sync, dunning }) => {
  const invoice = event.data.object as Stripe.Invoice;
  const subscriptionId = subscriptionOfInvoice(invoice);
  if (!subscriptionId) return ignored(`invoice ${invoice.id} bills no subscription`);
  const outcome = outcomeOfSync(await sync.syncById(subscriptionId), subscriptionId);
  if (outcome.status !== 'processed' || !outcome.organizationId) return outcome;
  const mailed = await dunning.paymentFailed(outcome.organizationId, invoice);
  return { ...outcome, result: `${outcome.result}; dunning mail ${mailed ? 'sent' : 'already sent'} for attempt ${invoice.attempt_count}` };
};
