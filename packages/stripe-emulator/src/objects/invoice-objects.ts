import type Stripe from 'stripe';
import { fromTemplate } from './templates.js';
import type { Metadata, Wire } from './wire.js';

export type InvoiceObject = Wire<Stripe.Invoice>;
export type InvoiceLineObject = Wire<Stripe.InvoiceLineItem>;
export type InvoiceItemObject = Wire<Stripe.InvoiceItem>;

export function buildInvoiceItem(values: {
  id: string;
  created: number;
  customer: string;
  amount: number;
  currency: string;
  description: string | null;
  period: { start: number; end: number };
  proration: boolean;
  subscription: string | null;
  testClock: string | null;
  metadata: Metadata;
}): InvoiceItemObject {
  return fromTemplate<Stripe.InvoiceItem>('invoiceitem', {
    id: values.id,
    amount: values.amount,
    currency: values.currency,
    customer: values.customer,
    customer_account: null,
    date: values.created,
    description: values.description,
    discountable: true,
    discounts: [],
    invoice: null,
    livemode: false,
    metadata: values.metadata,
    net_amount: values.amount,
    parent: values.subscription
      ? { type: 'subscription_details', subscription_details: { subscription: values.subscription } }
      : null,
    period: values.period,
    pricing: { type: 'price_details', unit_amount_decimal: String(values.amount) },
    proration: values.proration,
    quantity: 1,
    quantity_decimal: '1',
    tax_rates: [],
    test_clock: values.testClock,
  });
}

export function buildInvoiceLine(values: {
  id: string;
  invoice: string;
  amount: number;
  currency: string;
  description: string | null;
  period: { start: number; end: number };
  quantity: number;
  subscription: string | null;
  subscriptionItem: string | null;
  invoiceItem: string | null;
  proration: boolean;
  price: { id: string; product: string } | null;
  metadata: Metadata;
}): InvoiceLineObject {
  const parent = values.invoiceItem
    ? {
        type: 'invoice_item_details' as const,
        invoice_item_details: {
          invoice_item: values.invoiceItem,
          proration: values.proration,
          proration_details: { credited_items: null },
          subscription: values.subscription,
        },
        subscription_item_details: null,
      }
    : {
        type: 'subscription_item_details' as const,
        invoice_item_details: null,
        subscription_item_details: {
          invoice_item: null,
          proration: values.proration,
          proration_details: { credited_items: null },
          subscription: values.subscription,
          subscription_item: values.subscriptionItem ?? '',
        },
      };
  return fromTemplate<Stripe.InvoiceLineItem>('line_item', {
    id: values.id,
    amount: values.amount,
    currency: values.currency,
    description: values.description,
    discount_amounts: [],
    discountable: true,
    discounts: [],
    invoice: values.invoice,
    livemode: false,
    metadata: values.metadata,
    parent,
    period: values.period,
    pretax_credit_amounts: [],
    pricing: {
      type: 'price_details',
      ...(values.price ? { price_details: { price: values.price.id, product: values.price.product } } : {}),
      unit_amount_decimal: String(values.quantity === 0 ? 0 : Math.round(values.amount / values.quantity)),
    },
    quantity: values.quantity,
    quantity_decimal: String(values.quantity),
    subscription: values.subscription,
    subtotal: values.amount,
    taxes: [],
  });
}

export function buildInvoice(values: {
  id: string;
  created: number;
  customer: string;
  customerEmail: string | null;
  customerName: string | null;
  currency: string;
  description: string | null;
  lines: InvoiceLineObject[];
  billingReason: Stripe.Invoice.BillingReason;
  subscription: string | null;
  periodStart: number;
  periodEnd: number;
  defaultPaymentMethod: string | null;
  testClock: string | null;
  metadata: Metadata;
}): InvoiceObject {
  const total = values.lines.reduce((sum, line) => sum + line.amount, 0);
  const invoice = fromTemplate<Stripe.Invoice>('invoice', {
    id: values.id,
    created: values.created,
    account_country: 'US',
    account_name: 'Attribution Analytics (emulated)',
    account_tax_ids: null,
    amount_due: total,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: total,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { enabled: false, liability: null, status: null, disabled_reason: null, provider: null },
    automatically_finalizes_at: null,
    billing_reason: values.billingReason,
    collection_method: 'charge_automatically',
    currency: values.currency,
    custom_fields: null,
    customer: values.customer,
    customer_account: null,
    customer_address: null,
    customer_email: values.customerEmail,
    customer_name: values.customerName,
    customer_phone: null,
    customer_shipping: null,
    customer_tax_exempt: 'none',
    customer_tax_ids: [],
    default_payment_method: values.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: values.description,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: 'self' },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: 'list', data: values.lines, has_more: false, url: `/v1/invoices/${values.id}/lines` },
    livemode: false,
    metadata: values.metadata,
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: values.subscription
      ? {
          type: 'subscription_details',
          quote_details: null,
          subscription_details: { metadata: null, subscription: values.subscription },
        }
      : null,
    period_end: values.periodEnd,
    period_start: values.periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: 'draft',
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: values.testClock,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  });
  // Stripe's example still carries the pre-basil top-level `subscription`; keep it truthful.
  return Object.assign(invoice, { subscription: values.subscription });
}
