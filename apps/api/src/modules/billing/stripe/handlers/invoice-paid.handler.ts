import { invoiceIdOf, retrieveInvoice, subscriptionOfInvoice } from './invoice-of-event.js';
import { ignored, outcomeOfSync, type WebhookHandler } from './webhook-handler.js';

/** A paid renewal moves the period forward and ends any past_due grace period. */
export const invoicePaid: WebhookHandler = async (event, { sync, stripe }) => {
  const invoiceId = invoiceIdOf(event);
  const invoice = await retrieveInvoice(stripe, invoiceId);
  if (!invoice) return ignored(`invoice ${invoiceId} no longer exists in Stripe`);
  const subscriptionId = subscriptionOfInvoice(invoice);
  if (!subscriptionId) return ignored(`invoice ${invoiceId} bills no subscription`);
  return outcomeOfSync(await sync.syncById(subscriptionId), subscriptionId);
};
