import { invalidParameter, invalidState } from '../http/errors.js';
import { ID_PREFIX, newId } from '../ids.js';
import type { PriceObject } from '../objects/catalog-objects.js';
import { buildInvoiceItem } from '../objects/invoice-objects.js';
import { buildSubscriptionItem, type SubscriptionObject } from '../objects/subscription-objects.js';
import { changedAttributes, EventBatch } from '../webhooks/event-bus.js';
import { idOf, mergeMetadata, type BillingContext } from './context.js';
import { invoiceSubscription } from './invoices.js';
import { attachPaymentMethod, resolvePaymentMethod } from './payment-methods.js';
import { productNameOf } from './subscription-lines.js';
import { recurringPrice } from './subscriptions.js';

export type ProrationBehavior = 'create_prorations' | 'none' | 'always_invoice';

export interface SubscriptionItemUpdate {
  id?: string | null;
  price?: string | null;
  quantity?: number | null;
  deleted?: boolean | null;
  metadata?: Record<string, string | null> | null;
}

export interface SubscriptionUpdateInput {
  metadata?: Record<string, string | null> | null;
  items?: SubscriptionItemUpdate[] | null;
  proration_behavior?: ProrationBehavior | null;
  cancel_at_period_end?: boolean | null;
  default_payment_method?: string | null;
  description?: string | null;
}

interface PriceChange {
  from: PriceObject;
  to: PriceObject;
  quantity: number;
}

export function updateSubscription(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  input: SubscriptionUpdateInput,
  events: EventBatch,
): SubscriptionObject {
  const customerId = idOf(subscription.customer) ?? '';
  const now = ctx.clock.forCustomer(customerId);
  const before = structuredClone(subscription);
  const canceled = subscription.status === 'canceled';
  if (canceled && (input.items || input.cancel_at_period_end !== undefined)) {
    throw invalidState('A canceled subscription can only update its cancellation_details and metadata.');
  }
  if (input.metadata !== undefined) subscription.metadata = mergeMetadata(subscription.metadata, input.metadata);
  if (input.description !== undefined) subscription.description = input.description;
  if (input.default_payment_method !== undefined) {
    subscription.default_payment_method = input.default_payment_method
      ? attachPaymentMethod(ctx, resolvePaymentMethod(ctx, input.default_payment_method, 'default_payment_method'), customerId).id
      : null;
  }
  if (input.cancel_at_period_end !== undefined && input.cancel_at_period_end !== null) {
    const periodEnd = subscription.items.data[0]?.current_period_end ?? now;
    subscription.cancel_at_period_end = input.cancel_at_period_end;
    subscription.cancel_at = input.cancel_at_period_end ? periodEnd : null;
    subscription.canceled_at = input.cancel_at_period_end ? now : null;
    subscription.cancellation_details = {
      ...subscription.cancellation_details,
      comment: null,
      feedback: null,
      feedback_option: null,
      reason: input.cancel_at_period_end ? 'cancellation_requested' : null,
    };
  }
  const changes = applyItemUpdates(ctx, subscription, input.items ?? [], now);
  const invoiceEvents = new EventBatch();
  const behavior = input.proration_behavior ?? 'create_prorations';
  if (changes.length > 0 && behavior !== 'none' && subscription.status !== 'trialing') {
    createProrations(ctx, subscription, changes, now);
    if (behavior === 'always_invoice') invoiceProrationsNow(ctx, subscription, now, invoiceEvents);
  }
  const changed = changedAttributes(before, subscription);
  if (Object.keys(changed).length > 0) events.add('customer.subscription.updated', subscription, changed);
  events.append(invoiceEvents);
  return subscription;
}

function applyItemUpdates(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  updates: SubscriptionItemUpdate[],
  now: number,
): PriceChange[] {
  const changes: PriceChange[] = [];
  const template = subscription.items.data[0];
  updates.forEach((update, index) => {
    const param = `items[${index}]`;
    if (update.id) {
      const item = subscription.items.data.find((candidate) => candidate.id === update.id);
      if (!item) throw invalidParameter(`${param}[id]`, `No such subscription item: '${update.id}'`, 'resource_missing');
      if (update.deleted) {
        subscription.items.data = subscription.items.data.filter((candidate) => candidate.id !== item.id);
        return;
      }
      if (update.price && update.price !== item.price.id) {
        const price = recurringPrice(ctx, update.price, `${param}[price]`);
        changes.push({ from: item.price, to: price, quantity: update.quantity ?? item.quantity ?? 1 });
        item.price = price;
        item.plan = { ...item.plan, ...planFields(price) };
      }
      if (update.quantity !== undefined && update.quantity !== null) item.quantity = update.quantity;
      if (update.metadata !== undefined) item.metadata = mergeMetadata(item.metadata, update.metadata);
      return;
    }
    if (!update.price) throw invalidParameter(`${param}[price]`, `Missing required param: ${param}[price].`, 'parameter_missing');
    const price = recurringPrice(ctx, update.price, `${param}[price]`);
    subscription.items.data.push(
      buildSubscriptionItem({
        id: newId(ID_PREFIX.subscriptionItem, 14),
        created: now,
        subscription: subscription.id,
        price,
        quantity: update.quantity ?? 1,
        periodStart: template?.current_period_start ?? now,
        periodEnd: template?.current_period_end ?? now,
        metadata: mergeMetadata({}, update.metadata),
      }),
    );
  });
  if (subscription.items.data.length === 0) throw invalidParameter('items', 'A subscription must have at least one active item.');
  return changes;
}

function planFields(price: PriceObject): { id: string; amount: number | null; amount_decimal: string | null; product: string } {
  return { id: price.id, amount: price.unit_amount, amount_decimal: price.unit_amount_decimal, product: idOf(price.product) ?? '' };
}

/** Credit for the unused time on the old price and a charge for the rest of the period on the new one. */
function createProrations(ctx: BillingContext, subscription: SubscriptionObject, changes: PriceChange[], now: number): void {
  const period = subscription.items.data[0];
  if (!period) return;
  const length = period.current_period_end - period.current_period_start;
  const remaining = Math.max(0, period.current_period_end - now);
  const fraction = length > 0 ? remaining / length : 0;
  const customer = idOf(subscription.customer) ?? '';
  const date = new Date(now * 1000).toISOString().slice(0, 10);
  for (const change of changes) {
    const entries = [
      { amount: -Math.round((change.from.unit_amount ?? 0) * change.quantity * fraction), description: `Unused time on ${productNameOf(ctx, change.from)} after ${date}` },
      { amount: Math.round((change.to.unit_amount ?? 0) * change.quantity * fraction), description: `Remaining time on ${productNameOf(ctx, change.to)} after ${date}` },
    ];
    for (const entry of entries) {
      ctx.store.invoiceItems.insert(
        buildInvoiceItem({
          id: newId(ID_PREFIX.invoiceItem),
          created: now,
          customer,
          amount: entry.amount,
          currency: change.to.currency,
          description: entry.description,
          period: { start: now, end: period.current_period_end },
          proration: true,
          subscription: subscription.id,
          testClock: ctx.clock.testClockOf(customer),
          metadata: {},
        }),
      );
    }
  }
}

/** `always_invoice`: the prorations are billed at once; a failed charge leaves the subscription past_due. */
function invoiceProrationsNow(ctx: BillingContext, subscription: SubscriptionObject, now: number, events: EventBatch): void {
  const paid = invoiceSubscription(ctx, subscription, { billingReason: 'subscription_update', lines: [], periodStart: now, periodEnd: now, reason: 'manual' }, events);
  if (!paid) subscription.status = 'past_due';
}
