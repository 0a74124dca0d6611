import { invalidParameter, invalidState } from '../http/errors.js';
import { ID_PREFIX, newId } from '../ids.js';
import type { PriceObject } from '../objects/catalog-objects.js';
import type { InvoiceObject } from '../objects/invoice-objects.js';
import {
  buildSubscriptionItem,
  type SubscriptionItemObject,
  type SubscriptionObject,
} from '../objects/subscription-objects.js';
import { changedAttributes, EventBatch } from '../webhooks/event-bus.js';
import { idOf, mergeMetadata, type BillingContext } from './context.js';
import { addInterval } from './clock.js';
import { invoiceSubscription, pendingItemsTotal, type InvoiceLineInput } from './invoices.js';
import { attachPaymentMethod, resolvePaymentMethod } from './payment-methods.js';
import { chargeError, chargeOutcome } from './payments.js';
import { paramUnsupportedByPendingUpdate, pendingUpdateOf } from './pending-updates.js';
import { periodLine, remainingTime, storeProrations, unusedTime, type ProrationEntry } from './subscription-lines.js';
import { recurringPrice } from './subscriptions.js';

export type ProrationBehavior = 'create_prorations' | 'none' | 'always_invoice';
export type PaymentBehavior =
  'allow_incomplete' | 'default_incomplete' | 'error_if_incomplete' | 'pending_if_incomplete';

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
  /** The moment prorations are computed for (Stripe's `proration_date`); default now. */
  proration_date?: number | null;
  payment_behavior?: PaymentBehavior | null;
  /** `now` starts a new billing period at once (billed at once); `unchanged` keeps the cycle. */
  billing_cycle_anchor?: { type: 'now' | 'unchanged' } | null;
  cancel_at_period_end?: boolean | null;
  /** A Unix time, `max_period_end`/`min_period_end` (the current period's end), or null to unset. */
  cancel_at?: string | null;
  default_payment_method?: string | null;
  description?: string | null;
}

/** An item's price or quantity changed: what it was and what it becomes. */
interface PriceChange {
  item: SubscriptionItemObject;
  from: PriceObject;
  fromQuantity: number;
  to: PriceObject;
  toQuantity: number;
}

/**
 * Applies an update as Stripe does. A price change with `always_invoice` is billed at once; whether a
 * failed charge keeps the change depends on `payment_behavior`: applied anyway and `past_due`
 * (`allow_incomplete`, the default), refused with the card error (`error_if_incomplete`), or held in
 * `pending_update` until the invoice is paid (`pending_if_incomplete`).
 */
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
  if (canceled && (input.items || input.cancel_at_period_end !== undefined || input.cancel_at !== undefined)) {
    throw invalidState('A canceled subscription can only update its cancellation_details and metadata.');
  }
  const paymentBehavior = input.payment_behavior ?? 'allow_incomplete';
  if (paymentBehavior === 'pending_if_incomplete') assertPendingUpdatable(input);
  const prorationBehavior = input.proration_behavior ?? 'create_prorations';
  const at = input.proration_date ?? now;
  const resetCycle = input.billing_cycle_anchor?.type === 'now';
  const target = plannedItemChanges(ctx, subscription, input.items ?? [], prorationBehavior, at, now, resetCycle);
  const prorations = target.prorations;
  // A new period is billed at once, whatever the proration behavior; so are always_invoice prorations.
  const invoiceNow = resetCycle || (prorationBehavior === 'always_invoice' && prorations.length > 0);
  if (invoiceNow && paymentBehavior === 'error_if_incomplete')
    assertChargeable(ctx, subscription, [...prorations, ...target.periodLines]);
  const periodEnd = subscription.items.data[0]?.current_period_end ?? now;
  const cancelAt = input.cancel_at === undefined ? undefined : cancelAtOf(input.cancel_at, periodEnd, now);
  if (cancelAt !== undefined && input.cancel_at_period_end) {
    throw invalidParameter(
      'cancel_at',
      'You may only specify one of these parameters: cancel_at, cancel_at_period_end.',
    );
  }

  if (input.metadata !== undefined) subscription.metadata = mergeMetadata(subscription.metadata, input.metadata);
  if (input.description !== undefined) subscription.description = input.description;
  if (input.default_payment_method !== undefined) {
    subscription.default_payment_method = input.default_payment_method
      ? attachPaymentMethod(
          ctx,
          resolvePaymentMethod(ctx, input.default_payment_method, 'default_payment_method'),
          customerId,
        ).id
      : null;
  }
  if (input.cancel_at_period_end !== undefined && input.cancel_at_period_end !== null) {
    subscription.cancel_at_period_end = input.cancel_at_period_end;
    scheduleCancellation(subscription, input.cancel_at_period_end ? periodEnd : null, now);
  }
  if (cancelAt !== undefined) {
    subscription.cancel_at_period_end = false;
    scheduleCancellation(subscription, cancelAt, now);
  }
  storeProrations(ctx, subscription, prorations);
  const invoiceEvents = new EventBatch();
  const apply = (): void => {
    subscription.items = target.items;
    if (resetCycle) subscription.billing_cycle_anchor = now;
  };
  if (!invoiceNow) {
    apply();
  } else if (paymentBehavior === 'pending_if_incomplete') {
    const invoice = invoiceUpdate(ctx, subscription, target.periodLines, now, invoiceEvents);
    if (invoice.status === 'paid') apply();
    else subscription.pending_update = pendingUpdateOf(subscription, target.items.data, now, resetCycle ? now : null);
  } else {
    apply();
    const invoice = invoiceUpdate(ctx, subscription, target.periodLines, now, invoiceEvents);
    if (invoice.status !== 'paid') subscription.status = 'past_due';
  }
  const changed = changedAttributes(before, subscription);
  if (Object.keys(changed).length > 0) events.add('customer.subscription.updated', subscription, changed);
  events.append(invoiceEvents);
  return subscription;
}

/**
 * What changing the items would do, worked out on a copy (a pending update or a preview must leave the
 * subscription as it is): the items afterwards, the prorations at `at` and, when the cycle is reset
 * (`billing_cycle_anchor: 'now'`), the new period's lines: then the unused time of every item is
 * credited and the new period billed in full.
 */
export function plannedItemChanges(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  updates: SubscriptionItemUpdate[],
  prorationBehavior: ProrationBehavior,
  at: number,
  now: number,
  resetCycle = false,
): { items: SubscriptionObject['items']; prorations: ProrationEntry[]; periodLines: InvoiceLineInput[] } {
  const target = structuredClone(subscription);
  const changes = applyItemUpdates(ctx, target, updates, now);
  const paidFor = prorationBehavior !== 'none' && subscription.status !== 'trialing';
  if (!resetCycle) {
    return {
      items: target.items,
      prorations: changes.length > 0 && paidFor ? prorationsOf(ctx, changes, at) : [],
      periodLines: [],
    };
  }
  const credits = paidFor
    ? subscription.items.data.map((item) => unusedTime(ctx, item, item.price, item.quantity ?? 1, at))
    : [];
  for (const item of target.items.data) {
    const recurring = item.price.recurring;
    item.current_period_start = now;
    item.current_period_end = addInterval(now, recurring?.interval ?? 'month', recurring?.interval_count ?? 1);
  }
  return {
    items: target.items,
    prorations: credits.filter((credit) => credit.amount !== 0),
    periodLines: target.items.data.map((item) => periodLine(ctx, item, false)),
  };
}

/** `cancel_at` as sent: a future time, the period's end, or unset. */
function cancelAtOf(value: string | null, periodEnd: number, now: number): number | null {
  if (value === null) return null;
  if (value === 'max_period_end' || value === 'min_period_end') return periodEnd;
  if (!/^\d+$/.test(value))
    throw invalidParameter(
      'cancel_at',
      `Invalid cancel_at: must be an integer Unix timestamp, \`max_period_end\` or \`min_period_end\``,
      'parameter_invalid_integer',
    );
  const at = Number(value);
  if (at <= now) throw invalidParameter('cancel_at', 'cancel_at must be in the future.', 'parameter_invalid_integer');
  return at;
}

/** The subscription ends at `at` (null: it renews), as `cancel_at` shows it. */
function scheduleCancellation(subscription: SubscriptionObject, at: number | null, now: number): void {
  subscription.cancel_at = at;
  subscription.canceled_at = at === null ? null : now;
  subscription.cancellation_details = {
    ...subscription.cancellation_details,
    comment: null,
    feedback: null,
    feedback_option: null,
    reason: at === null ? null : 'cancellation_requested',
  };
}

/** Stripe refuses a pending update that would carry changes it cannot hold back. */
function assertPendingUpdatable(input: SubscriptionUpdateInput): void {
  const param = paramUnsupportedByPendingUpdate(input);
  if (!param) return;
  throw invalidState(
    `The parameter \`${param}\` cannot be used with \`payment_behavior=pending_if_incomplete\`. Pending updates support only ` +
      '`billing_cycle_anchor`, `items` (`price`, `quantity`), `proration_behavior`, `proration_date`, `trial_end`, `trial_from_plan` and `add_invoice_items`.',
    param,
  );
}

/** `error_if_incomplete`: when the invoice would be due and its charge would fail, nothing changes and the call fails. */
function assertChargeable(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  prorations: { amount: number }[],
): void {
  const customerId = idOf(subscription.customer) ?? '';
  const customer = ctx.store.customers.get(customerId, 'customer');
  const total =
    prorations.reduce((sum, entry) => sum + entry.amount, 0) + pendingItemsTotal(ctx, customerId, subscription.id);
  if (total + customer.balance <= 0) return;
  const paymentMethod =
    idOf(subscription.default_payment_method) ?? idOf(customer.invoice_settings.default_payment_method);
  const outcome = chargeOutcome(ctx, paymentMethod);
  if (outcome !== 'succeeded') throw chargeError(outcome, paymentMethod);
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
      if (!item)
        throw invalidParameter(`${param}[id]`, `No such subscription item: '${update.id}'`, 'resource_missing');
      if (update.deleted) {
        subscription.items.data = subscription.items.data.filter((candidate) => candidate.id !== item.id);
        return;
      }
      const price =
        update.price && update.price !== item.price.id
          ? recurringPrice(ctx, update.price, `${param}[price]`)
          : item.price;
      const fromQuantity = item.quantity ?? 1;
      const toQuantity = update.quantity ?? fromQuantity;
      if (price !== item.price || toQuantity !== fromQuantity)
        changes.push({ item, from: item.price, fromQuantity, to: price, toQuantity });
      if (price !== item.price) {
        item.price = price;
        item.plan = { ...item.plan, ...planFields(price) };
      }
      item.quantity = toQuantity;
      if (update.metadata !== undefined) item.metadata = mergeMetadata(item.metadata, update.metadata);
      return;
    }
    if (!update.price)
      throw invalidParameter(`${param}[price]`, `Missing required param: ${param}[price].`, 'parameter_missing');
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
  if (subscription.items.data.length === 0)
    throw invalidParameter('items', 'A subscription must have at least one active item.');
  return changes;
}

function planFields(price: PriceObject): {
  id: string;
  amount: number | null;
  amount_decimal: string | null;
  product: string;
} {
  return {
    id: price.id,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    product: idOf(price.product) ?? '',
  };
}

/** Credit for the unused time at the old price and quantity, a charge for the rest of the period at the new ones. */
function prorationsOf(ctx: BillingContext, changes: PriceChange[], at: number): ProrationEntry[] {
  return changes.flatMap((change) => [
    unusedTime(ctx, change.item, change.from, change.fromQuantity, at),
    remainingTime(ctx, change.item, change.to, change.toQuantity, at),
  ]);
}

/** The update's invoice, at once: the prorations just stored and, for a new cycle, its period. */
function invoiceUpdate(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  periodLines: InvoiceLineInput[],
  now: number,
  events: EventBatch,
): InvoiceObject {
  return invoiceSubscription(
    ctx,
    subscription,
    { billingReason: 'subscription_update', lines: periodLines, periodStart: now, periodEnd: now },
    events,
  );
}
