import { invalidParameter, missingParameter } from '../http/errors.js';
import { ID_PREFIX, newId } from '../ids.js';
import type { InvoiceObject } from '../objects/invoice-objects.js';
import type { SubscriptionObject } from '../objects/subscription-objects.js';
import { addInterval } from './clock.js';
import { idOf, type BillingContext } from './context.js';
import { applyCustomerBalance, buildDraft, pendingItemsOf, type InvoiceLineInput } from './invoices.js';
import { periodLine, prorationInvoiceItem } from './subscription-lines.js';
import { plannedItemChanges, type ProrationBehavior, type SubscriptionItemUpdate } from './subscription-updates.js';

export interface InvoicePreviewInput {
  customer?: string | null;
  subscription?: string | null;
  subscription_details?: {
    items?: SubscriptionItemUpdate[] | null;
    proration_behavior?: ProrationBehavior | null;
    proration_date?: number | null;
    billing_cycle_anchor?: { type: 'now' | 'unchanged' } | null;
  } | null;
}

/**
 * `invoices.createPreview`: the invoice a subscription change would produce, computed as the change
 * itself would be and stored nowhere. With `always_invoice` or `billing_cycle_anchor: 'now'` that is the
 * invoice billed at once (prorations, and a reset cycle's new period); otherwise the next renewal: pending
 * items, the change's prorations and the next period at the new prices.
 */
export function previewInvoice(ctx: BillingContext, input: InvoicePreviewInput): InvoiceObject {
  const subscription = input.subscription ? ctx.store.subscriptions.get(input.subscription, 'subscription') : null;
  const customerId = input.customer ?? idOf(subscription?.customer ?? null);
  if (!customerId) throw missingParameter('customer');
  const customer = ctx.store.customers.get(customerId, 'customer');
  if (subscription && idOf(subscription.customer) !== customer.id) {
    throw invalidParameter(
      'subscription',
      `The subscription ${subscription.id} does not belong to the customer ${customer.id}.`,
    );
  }
  const now = ctx.clock.forCustomer(customer.id);
  const details = input.subscription_details ?? {};
  const prorationBehavior = details.proration_behavior ?? 'create_prorations';
  const resetCycle = details.billing_cycle_anchor?.type === 'now';
  const planned = subscription
    ? plannedItemChanges(
        ctx,
        subscription,
        details.items ?? [],
        prorationBehavior,
        details.proration_date ?? now,
        now,
        resetCycle,
      )
    : null;
  const pending = pendingItemsOf(ctx, customer.id, subscription?.id ?? null);
  const prorations = (planned?.prorations ?? []).map((entry) =>
    prorationInvoiceItem(entry, customer.id, subscription?.id ?? null, now, null),
  );
  const immediate = resetCycle || (prorationBehavior === 'always_invoice' && prorations.length > 0);
  const periodStart = immediate ? now : (subscription?.items.data[0]?.current_period_end ?? now);
  const lines =
    !subscription || !planned
      ? []
      : immediate
        ? planned.periodLines
        : renewalLines(ctx, subscription, planned.items.data, periodStart);
  const invoice = buildDraft(
    ctx,
    `upcoming_${newId(ID_PREFIX.invoice)}`,
    {
      customer: customer.id,
      subscription: subscription?.id ?? null,
      billingReason: 'upcoming',
      description: null,
      lines,
      includePendingItems: true,
      periodStart: immediate ? now : (subscription?.items.data[0]?.current_period_start ?? now),
      periodEnd: periodStart,
      defaultPaymentMethod: null,
      metadata: null,
    },
    [...pending, ...prorations],
  );
  applyCustomerBalance(invoice, customer.balance);
  return invoice;
}

/** The next period's line of each item, at the prices the change would leave. */
function renewalLines(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  items: SubscriptionObject['items']['data'],
  periodStart: number,
): InvoiceLineInput[] {
  return items.map((item) => {
    const recurring = item.price.recurring;
    const next = {
      ...item,
      current_period_start: periodStart,
      current_period_end: addInterval(periodStart, recurring?.interval ?? 'month', recurring?.interval_count ?? 1),
    };
    return periodLine(ctx, next, subscription.status === 'trialing' && (subscription.trial_end ?? 0) > periodStart);
  });
}
