import type { PriceObject } from '../objects/catalog-objects.js';
import type { SubscriptionItemObject } from '../objects/subscription-objects.js';
import type { BillingContext } from './context.js';
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
