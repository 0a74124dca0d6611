import { invoiceIdOf, retrieveInvoice, subscriptionOfInvoice } from './invoice-of-event.js';
import { ignored, outcomeOfSync, type WebhookHandler } from './webhook-handler.js';

/** A paid renewal moves the period forward and ends any past_due grace period; the owners get a receipt. */
export const invoicePaid: WebhookHandler = async (event, { sync, stripe, receipts }) => {
  const invoiceId = invoiceIdOf(event);
  const invoice = await retrieveInvoice(stripe, invoiceId);
  if (!invoice) return ignored(`invoice ${invoiceId} no longer exists in Stripe`);
  const subscriptionId = subscriptionOfInvoice(invoice);
  if (!subscriptionId) return ignored(`invoice ${invoiceId} bills no subscription`);
  const outcome = outcomeOfSync(await sync.syncById(subscriptionId), subscriptionId);
  // Nothing was charged for a $0 invoice (a trial's first one, a fully credited change): no receipt.
  if (!outcome.organizationId || invoice.status !== 'paid' || invoice.amount_paid === 0) return outcome;
  const mailed = await receipts.invoicePaid(outcome.organizationId, invoice);
  return { ...outcome, result: `${outcome.result}; receipt ${mailed ? 'sent' : 'already sent'}` };
};
