import type Stripe from 'stripe';
import { ignored, outcomeOfSync, subscriptionOfInvoice, type WebhookHandler } from './webhook-handler.js';

/** A paid renewal moves the period forward and ends any past_due grace period. */
export const invoicePaid: WebhookHandler = async (event, { sync }) => {
  const invoice = event.data.object as Stripe.Invoice;
  const subscriptionId = subscriptionOfInvoice(invoice);
  if (!subscriptionId) return ignored(`invoice ${invoice.id} bills no subscription`);
  return outcomeOfSync(await sync.syncById(subscriptionId), subscriptionId);
};
