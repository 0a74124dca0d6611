import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BillingContext } from '../billing/context.js';
import { payOpenInvoice } from '../billing/invoices.js';
import { createCardPaymentMethod } from '../billing/payment-methods.js';
import { cardFromNumber } from '../billing/test-cards.js';
import { StripeApiError } from '../http/errors.js';
import { decodeForm } from '../http/form-decoding.js';
import { readBody, redirect, sendHtml } from '../http/io.js';
import type { InvoiceObject } from '../objects/invoice-objects.js';
import { EventBatch } from '../webhooks/event-bus.js';
import { renderInvoicePage } from './invoice-page.js';

/** Pays an open invoice with the typed card, as `invoices.pay` with that card would; a refusal is shown on the page. */
function payWithCard(billing: BillingContext, invoice: InvoiceObject, fields: Record<string, unknown>): string | null {
  const text = (key: string): string => (typeof fields[key] === 'string' ? (fields[key] as string).trim() : '');
  if (invoice.status !== 'open') return 'This invoice can no longer be paid.';
  if (!/^\d{2}\s*\/\s*\d{2}$/.test(text('card_expiry'))) return "Your card's expiration date is incomplete.";
  if (!/^\d{3,4}$/.test(text('card_cvc'))) return "Your card's security code is incomplete.";
  try {
    const card = cardFromNumber(text('card_number'));
    const paymentMethod = createCardPaymentMethod(billing, card);
    const events = new EventBatch();
    // The customer is on the page: a card that asks for 3-D Secure is authenticated here.
    const paid =
      card.behavior !== 'declined' && payOpenInvoice(billing, invoice, paymentMethod.id, events, true) === 'paid';
    billing.bus.publish(events);
    return paid ? null : 'Your card was declined. Try a different card.';
  } catch (error) {
    if (error instanceof StripeApiError && error.status < 500) return error.message;
    throw error;
  }
}

/** The hosted invoice page: shows the invoice; a POST pays it (then back to the page, now paid). */
export async function handleInvoicePage(
  billing: BillingContext,
  request: IncomingMessage,
  response: ServerResponse,
  invoice: InvoiceObject,
): Promise<void> {
  if (request.method !== 'POST') return sendHtml(response, 200, renderInvoicePage(invoice));
  const error = payWithCard(billing, invoice, decodeForm(await readBody(request)));
  if (error) return sendHtml(response, 402, renderInvoicePage(invoice, error));
  redirect(response, `/invoice/${invoice.id}`);
}
