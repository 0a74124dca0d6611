import type Stripe from 'stripe';
import { ID_PREFIX, newId } from '../ids.js';
import type { PriceObject } from '../objects/catalog-objects.js';
import type { SubscriptionObject } from '../objects/subscription-objects.js';
import {
  buildInvoice,
  buildInvoiceLine,
  type InvoiceItemObject,
  type InvoiceObject,
} from '../objects/invoice-objects.js';
import type { EventBatch } from '../webhooks/event-bus.js';
import { idOf, mergeMetadata, type BillingContext } from './context.js';
import { cancelPaymentsOf, chargeInvoice, paymentIntentFor } from './payments.js';
import { settleSubscriptionOf } from './paid-invoices.js';
import { discardPendingUpdateFor } from './pending-updates.js';

export interface InvoiceLineInput {
  amount: number;
  description: string;
  period: { start: number; end: number };
  quantity: number;
  price: PriceObject | null;
  subscriptionItem: string | null;
  proration: boolean;
}

export interface DraftInvoiceInput {
  customer: string;
  subscription: string | null;
  billingReason: Stripe.Invoice.BillingReason;
  description: string | null;
  lines: InvoiceLineInput[];
  /** Sweep the customer's pending invoice items (prorations, one-off items) onto this invoice. */
  includePendingItems: boolean;
  periodStart: number;
  periodEnd: number;
  defaultPaymentMethod: string | null;
  metadata: Record<string, string | null> | null;
}

export function createDraftInvoice(ctx: BillingContext, input: DraftInvoiceInput, events: EventBatch): InvoiceObject {
  const customer = ctx.store.customers.get(input.customer, 'customer');
  const pendingItems = input.includePendingItems ? pendingItemsOf(ctx, customer.id, input.subscription) : [];
  const invoice = buildDraft(ctx, newId(ID_PREFIX.invoice), input, pendingItems);
  for (const item of pendingItems) item.invoice = invoice.id;
  ctx.store.invoices.insert(invoice);
  events.add('invoice.created', invoice);
  return invoice;
}

/** A draft invoice object with the given lines and invoice items, not stored (previews use it as is). */
export function buildDraft(
  ctx: BillingContext,
  id: string,
  input: DraftInvoiceInput,
  invoiceItems: InvoiceItemObject[],
): InvoiceObject {
  const customer = ctx.store.customers.get(input.customer, 'customer');
  const lines = input.lines.map((line) =>
    buildInvoiceLine({
      id: newId(ID_PREFIX.invoiceLine),
      invoice: id,
      amount: line.amount,
      currency: line.price?.currency ?? 'usd',
      description: line.description,
      period: line.period,
      quantity: line.quantity,
      subscription: input.subscription,
      subscriptionItem: line.subscriptionItem,
      invoiceItem: null,
      proration: line.proration,
      price: line.price ? { id: line.price.id, product: idOf(line.price.product) ?? '' } : null,
      metadata: {},
    }),
  );
  for (const item of invoiceItems) {
    lines.push(
      buildInvoiceLine({
        id: newId(ID_PREFIX.invoiceLine),
        invoice: id,
        amount: item.amount,
        currency: item.currency,
        description: item.description,
        period: item.period,
        quantity: item.quantity,
        subscription: item.parent?.subscription_details?.subscription ?? null,
        subscriptionItem: null,
        invoiceItem: item.id,
        proration: item.proration,
        price: null,
        metadata: item.metadata ?? {},
      }),
    );
  }
  const invoice = buildInvoice({
    id,
    created: ctx.clock.forCustomer(customer.id),
    customer: customer.id,
    customerEmail: customer.email,
    customerName: customer.name ?? null,
    currency: lines[0]?.currency ?? 'usd',
    description: input.description,
    lines,
    billingReason: input.billingReason,
    subscription: input.subscription,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    defaultPaymentMethod: input.defaultPaymentMethod,
    testClock: ctx.clock.testClockOf(customer.id),
    metadata: mergeMetadata({}, input.metadata),
  });
  // Stripe copies the subscription's metadata as it is when the invoice is made.
  const subscriptionMetadata = input.subscription
    ? ctx.store.subscriptions.find(input.subscription)?.metadata
    : undefined;
  if (invoice.parent?.subscription_details && subscriptionMetadata)
    invoice.parent.subscription_details.metadata = { ...subscriptionMetadata };
  return invoice;
}

/**
 * Applies the customer's balance as Stripe does when an invoice is finalized: a credit lowers the
 * amount due, an amount owed raises it, a credit invoice (negative total) adds to the credit.
 * Returns the customer's balance afterwards.
 */
export function applyCustomerBalance(invoice: InvoiceObject, balance: number): number {
  const net = invoice.total + balance;
  invoice.starting_balance = balance;
  invoice.ending_balance = Math.min(0, net);
  invoice.amount_due = Math.max(0, net);
  invoice.amount_remaining = invoice.amount_due;
  return invoice.ending_balance;
}

export function finalizeInvoice(ctx: BillingContext, invoice: InvoiceObject, events: EventBatch): InvoiceObject {
  if (invoice.status !== 'draft') return invoice;
  const customer = ctx.store.customers.get(idOf(invoice.customer) ?? '', 'customer');
  const sequence = customer.next_invoice_sequence ?? 1;
  customer.next_invoice_sequence = sequence + 1;
  const now = ctx.clock.forCustomer(customer.id);
  customer.balance = applyCustomerBalance(invoice, customer.balance);
  invoice.status = 'open';
  invoice.number = `${customer.invoice_prefix ?? 'EMU'}-${String(sequence).padStart(4, '0')}`;
  invoice.effective_at = now;
  invoice.status_transitions.finalized_at = now;
  invoice.hosted_invoice_url = `${ctx.publicUrl}/invoice/${invoice.id}`;
  invoice.invoice_pdf = `${ctx.publicUrl}/invoice/${invoice.id}/pdf`;
  events.add('invoice.finalized', invoice);
  return invoice;
}

/** The payment method an invoice is charged with, as Stripe chooses it. */
export function paymentMethodFor(ctx: BillingContext, invoice: InvoiceObject): string | null {
  const explicit = idOf(invoice.default_payment_method);
  if (explicit) return explicit;
  const subscriptionId = invoice.parent?.subscription_details?.subscription;
  const subscription = subscriptionId ? ctx.store.subscriptions.find(idOf(subscriptionId) ?? '') : undefined;
  const fromSubscription = idOf(subscription?.default_payment_method);
  if (fromSubscription) return fromSubscription;
  const customer = ctx.store.customers.find(idOf(invoice.customer) ?? '');
  return idOf(customer?.invoice_settings.default_payment_method);
}

export type PaymentOutcome = 'paid' | 'failed' | 'requires_action';

/**
 * Charges an open invoice (nothing to charge when its amount due is covered); `authenticated` when the
 * customer pays on a hosted page (3-D Secure completed). The outcome's events go into `events`.
 */
export function attemptPayment(
  ctx: BillingContext,
  invoice: InvoiceObject,
  paymentMethodId: string | null,
  events: EventBatch,
  authenticated = false,
): PaymentOutcome {
  const now = ctx.clock.forCustomer(idOf(invoice.customer));
  const due = invoice.amount_due > 0;
  const charged = due ? chargeInvoice(ctx, invoice, paymentMethodId, now, events, authenticated) : 'succeeded';
  const paid = charged === 'succeeded';
  invoice.attempted = due || invoice.attempted;
  if (due) invoice.attempt_count += 1;
  if (paid) {
    invoice.status = 'paid';
    invoice.amount_paid = invoice.amount_due;
    invoice.amount_remaining = 0;
    invoice.next_payment_attempt = null;
    invoice.status_transitions.paid_at = now;
    events.add('invoice.paid', invoice).add('invoice.payment_succeeded', invoice);
    return 'paid';
  }
  invoice.next_payment_attempt = now + 3 * 86_400;
  // A charge awaiting 3-D Secure is a failed attempt too; Stripe also asks for the customer's action.
  events.add('invoice.payment_failed', invoice);
  if (charged === 'requires_action') events.add('invoice.payment_action_required', invoice);
  return charged;
}

/**
 * Pays an invoice left open (`invoices.pay`, the hosted invoice page): once paid, its subscription is
 * settled as Stripe settles it (a pending update applied, `past_due` back to `active`).
 */
export function payOpenInvoice(
  ctx: BillingContext,
  invoice: InvoiceObject,
  paymentMethodId: string | null,
  events: EventBatch,
  authenticated = false,
): PaymentOutcome {
  const outcome = attemptPayment(ctx, invoice, paymentMethodId, events, authenticated);
  if (outcome === 'paid') settleSubscriptionOf(ctx, invoice, events);
  return outcome;
}

/** Voids an open invoice: it can no longer be paid, and a pending update waiting on it is discarded. */
export function voidInvoice(ctx: BillingContext, invoice: InvoiceObject, events: EventBatch): InvoiceObject {
  const now = ctx.clock.forCustomer(idOf(invoice.customer));
  invoice.status = 'void';
  invoice.amount_remaining = 0;
  invoice.next_payment_attempt = null;
  invoice.auto_advance = false;
  invoice.status_transitions.voided_at = now;
  cancelPaymentsOf(ctx, invoice, now, events);
  events.add('invoice.voided', invoice);
  discardPendingUpdateFor(ctx, invoice, events);
  return invoice;
}

/** The customer's pending invoice items that the subscription's next invoice would sweep up. */
export function pendingItemsTotal(ctx: BillingContext, customerId: string, subscriptionId: string | null): number {
  return pendingItemsOf(ctx, customerId, subscriptionId).reduce((sum, item) => sum + item.amount, 0);
}

/** The customer's invoice items on no invoice yet, of this subscription or of none. */
export function pendingItemsOf(
  ctx: BillingContext,
  customerId: string,
  subscriptionId: string | null,
): InvoiceItemObject[] {
  return ctx.store.invoiceItems.all().filter((item) => {
    const itemSubscription = item.parent?.subscription_details?.subscription ?? null;
    return (
      item.invoice === null &&
      idOf(item.customer) === customerId &&
      (itemSubscription === null || itemSubscription === subscriptionId)
    );
  });
}

/**
 * Bills a subscription as Stripe does at creation, renewal or an invoiced change: a draft with the
 * given lines plus the customer's pending items, finalized and charged at once (see its `status`).
 */
export function invoiceSubscription(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  input: {
    billingReason: Stripe.Invoice.BillingReason;
    lines: InvoiceLineInput[];
    periodStart: number;
    periodEnd: number;
    /** The customer completes 3-D Secure (a hosted page pays). */
    authenticated?: boolean;
    /** false: left open for the customer to pay, its PaymentIntent waiting (`default_incomplete`). */
    collect?: boolean;
  },
  events: EventBatch,
): InvoiceObject {
  const invoice = createDraftInvoice(
    ctx,
    {
      customer: idOf(subscription.customer) ?? '',
      subscription: subscription.id,
      billingReason: input.billingReason,
      description: null,
      lines: input.lines,
      includePendingItems: true,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      defaultPaymentMethod: null,
      metadata: null,
    },
    events,
  );
  finalizeInvoice(ctx, invoice, events);
  subscription.latest_invoice = invoice.id;
  if (input.collect === false && invoice.amount_due > 0)
    paymentIntentFor(ctx, invoice, ctx.clock.forCustomer(idOf(invoice.customer)), events);
  else attemptPayment(ctx, invoice, paymentMethodFor(ctx, invoice), events, input.authenticated ?? false);
  return invoice;
}
