import Stripe from 'stripe';
import { callStripe } from '../stripe-client.js';
import type { StripeGateway } from '../stripe-gateway.js';

/**
 * Invoice events are read by id only: their payload is rendered in the endpoint's (or account's)
 * API version, so before 2025-03-31.basil the subscription sits at `invoice.subscription` and from
 * basil on at `invoice.parent.subscription_details.subscription`. The invoice itself is fetched
 * through the SDK, in its pinned version.
 */
export function invoiceIdOf(event: Stripe.Event): string {
  return (event.data.object as { id: string }).id;
}

/** Null when Stripe no longer has the invoice (test data deleted): retrying would not change that. */
export async function retrieveInvoice(stripe: StripeGateway, invoiceId: string): Promise<Stripe.Invoice | null> {
  try {
    return await callStripe(() => stripe.client().invoices.retrieve(invoiceId));
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return null;
    throw error;
  }
}

/** The subscription an invoice bills, where the pinned API version puts it. */
export function subscriptionOfInvoice(invoice: Stripe.Invoice): string | null {
  const subscription = invoice.parent?.subscription_details?.subscription;
  if (!subscription) return null;
  return typeof subscription === 'string' ? subscription : subscription.id;
}
