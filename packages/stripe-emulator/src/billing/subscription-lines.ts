import { ID_PREFIX, newId } from '../ids.js';
import type { PriceObject } from '../objects/catalog-objects.js';
import { buildInvoiceItem, type InvoiceItemObject } from '../objects/invoice-objects.js';
import type { SubscriptionItemObject, SubscriptionObject } from '../objects/subscription-objects.js';
import { idOf, type BillingContext } from './context.js';
import type { InvoiceLineInput } from './invoices.js';

export function productNameOf(ctx: BillingContext, price: PriceObject): string {
  const productId = typeof price.product === 'string' ? price.product : price.product.id;
  return ctx.store.products.find(productId)?.name ?? productId;
}

export function formatAmount(cents: number, currency: string): string {
  const sign = cents < 0 ? '-' : '';
  const symbol = currency.toLowerCase() === 'usd' ? '$' : `${currency.toUpperCase()} `;
  return `${sign}${symbol}${(Math.abs(cents) / 100).toFixed(2)}`;
}

/** The invoice line that bills one subscription item for one period, worded as Stripe words it. */
export function periodLine(ctx: BillingContext, item: SubscriptionItemObject, trial: boolean): InvoiceLineInput {
  const quantity = item.quantity ?? 1;
  const name = productNameOf(ctx, item.price);
  const unit = item.price.unit_amount ?? 0;
  const interval = item.price.recurring?.interval ?? 'month';
  return {
    amount: trial ? 0 : unit * quantity,
    description: trial
      ? `Trial period for ${name}`
      : `${quantity} × ${name} (at ${formatAmount(unit, item.price.currency)} / ${interval})`,
    period: { start: item.current_period_start, end: item.current_period_end },
    quantity,
    price: item.price,
    subscriptionItem: item.id,
    proration: false,
  };
}

/** One proration: a credit for unused time on a price, or a charge for the remaining time on one. */
export interface ProrationEntry {
  amount: number;
  currency: string;
  description: string;
  period: { start: number; end: number };
}

/** The share of an item's current period still ahead at `at` (0 once the period is over). */
function remainingShare(item: SubscriptionItemObject, at: number): number {
  const length = item.current_period_end - item.current_period_start;
  const remaining = Math.min(Math.max(0, item.current_period_end - at), length);
  return length > 0 ? remaining / length : 0;
}

function prorationDate(at: number): string {
  return new Date(at * 1000).toISOString().slice(0, 10);
}

/** The credit for a price's unused time from `at` to the period end (negative), as Stripe words it. */
export function unusedTime(
  ctx: BillingContext,
  item: SubscriptionItemObject,
  price: PriceObject,
  quantity: number,
  at: number,
): ProrationEntry {
  return prorationEntry(ctx, item, price, quantity, at, -1, 'Unused time');
}

/** The charge for a price over the rest of the period from `at`. */
export function remainingTime(
  ctx: BillingContext,
  item: SubscriptionItemObject,
  price: PriceObject,
  quantity: number,
  at: number,
): ProrationEntry {
  return prorationEntry(ctx, item, price, quantity, at, 1, 'Remaining time');
}

function prorationEntry(
  ctx: BillingContext,
  item: SubscriptionItemObject,
  price: PriceObject,
  quantity: number,
  at: number,
  sign: 1 | -1,
  label: string,
): ProrationEntry {
  return {
    amount: sign * Math.round((price.unit_amount ?? 0) * quantity * remainingShare(item, at)),
    currency: price.currency,
    description: `${label} on ${productNameOf(ctx, price)} after ${prorationDate(at)}`,
    period: { start: at, end: item.current_period_end },
  };
}

/** A proration as the subscription's invoice item: stored by storeProrations, or shown by a preview. */
export function prorationInvoiceItem(
  entry: ProrationEntry,
  customer: string,
  subscription: string | null,
  created: number,
  testClock: string | null,
): InvoiceItemObject {
  return buildInvoiceItem({
    id: newId(ID_PREFIX.invoiceItem),
    created,
    customer,
    amount: entry.amount,
    currency: entry.currency,
    description: entry.description,
    period: entry.period,
    proration: true,
    subscription,
    testClock,
    metadata: {},
  });
}

/** Saves prorations as the subscription's pending invoice items, billed by its next invoice. */
export function storeProrations(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  entries: ProrationEntry[],
): void {
  const customer = idOf(subscription.customer) ?? '';
  const created = ctx.clock.forCustomer(customer);
  const testClock = ctx.clock.testClockOf(customer);
  for (const entry of entries) {
    ctx.store.invoiceItems.insert(prorationInvoiceItem(entry, customer, subscription.id, created, testClock));
  }
}
