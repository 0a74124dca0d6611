import Stripe from 'stripe';
import { BillingError } from './billing.errors.js';
import type { BillingCustomers } from './billing-customers.js';
import { callStripe } from './stripe/stripe-client.js';
import type { StripeGateway } from './stripe/stripe-gateway.js';

export interface InvoiceView {
  id: string;
  number: string | null;
  createdAt: Date;
  /** What the invoice asks for and what was paid, in the currency's smallest unit. */
  amountDue: number;
  amountPaid: number;
  currency: string;
  status: string;
  hostedInvoiceUrl: string | null;
  invoicePdf: string | null;
}

export interface InvoicePage {
  nodes: InvoiceView[];
  /** Pass as `after` for the next page; null on the last. */
  endCursor: string | null;
}

/** The organization's invoices, newest first, read from Stripe (the record of what was billed) a page at a time. */
export class BillingInvoices {
  constructor(
    private readonly customers: BillingCustomers,
    private readonly stripe: StripeGateway,
  ) {}

  async list(organizationId: string, first: number, after: string | null): Promise<InvoicePage> {
    const customer = await this.customers.customerOf(organizationId);
    if (!customer) return { nodes: [], endCursor: null };
    const page = await callStripe(() =>
      this.stripe.client().invoices.list({ customer, limit: first, ...(after ? { starting_after: after } : {}) }),
    ).catch((error: unknown) => {
      // Stripe answers a cursor that is not one of this customer's invoices with resource_missing.
      if (after && error instanceof Stripe.errors.StripeInvalidRequestError) throw invalidCursor(after);
      throw error;
    });
    const last = page.data.at(-1);
    return {
      // A draft is not a bill yet: Stripe finalizes it within the hour, and it is listed then.
      nodes: page.data.filter((invoice) => invoice.status !== 'draft').map(viewOf),
      endCursor: page.has_more && last ? last.id : null,
    };
  }
}

function viewOf(invoice: Stripe.Invoice): InvoiceView {
  return {
    id: invoice.id ?? '',
    number: invoice.number,
    createdAt: new Date(invoice.created * 1000),
    amountDue: invoice.amount_due,
    amountPaid: invoice.amount_paid,
    currency: invoice.currency,
    status: invoice.status ?? 'draft',
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    invoicePdf: invoice.invoice_pdf ?? null,
  };
}

function invalidCursor(after: string): BillingError {
  return new BillingError(
    'INVALID_CURSOR',
    `${after} is not an invoice of this organization: pass a page's endCursor`,
    {
      field: 'after',
    },
  );
}
