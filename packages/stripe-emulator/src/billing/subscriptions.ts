import type Stripe from 'stripe';
import { invalidParameter, invalidState } from '../http/errors.js';
import { ID_PREFIX, newId } from '../ids.js';
import type { PriceObject } from '../objects/catalog-objects.js';
import { buildSubscription, buildSubscriptionItem, type SubscriptionObject } from '../objects/subscription-objects.js';
import { EventBatch } from '../webhooks/event-bus.js';
import { addInterval } from './clock.js';
import { idOf, mergeMetadata, type BillingContext } from './context.js';
import { invoiceSubscription, voidInvoice } from './invoices.js';
import { attachPaymentMethod, resolvePaymentMethod } from './payment-methods.js';
import { chargeError, chargeOutcome } from './payments.js';
import type { PaymentBehavior } from './subscription-updates.js';
import { periodLine, storeProrations, unusedTime } from './subscription-lines.js';

const TRIAL_WILL_END_NOTICE_SECONDS = 3 * 86_400;

export interface SubscriptionItemInput {
  price: string;
  quantity?: number | null;
  metadata?: Record<string, string | null> | null;
}

export interface SubscriptionInput {
  customer: string;
  items: SubscriptionItemInput[];
  metadata?: Record<string, string | null> | null;
  default_payment_method?: string | null;
  description?: string | null;
  trial_period_days?: number | null;
  trial_end?: number | null;
  cancel_at_period_end?: boolean | null;
  payment_behavior?: PaymentBehavior | null;
  billing_mode?: {
    type: 'classic' | 'flexible';
    flexible?: { proration_discounts?: 'included' | 'itemized' | null } | null;
  } | null;
}

export function recurringPrice(ctx: BillingContext, priceId: string, param: string): PriceObject {
  const price = ctx.store.prices.get(priceId, param);
  if (!price.recurring) {
    throw invalidParameter(
      param,
      'The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.',
      'parameter_invalid_string',
    );
  }
  if (!price.active)
    throw invalidParameter(param, `The price specified is inactive. This field only accepts active prices.`);
  return price;
}

/** Creates a subscription and its first invoice, charged at once, as Stripe does by default. */
export function createSubscription(
  ctx: BillingContext,
  input: SubscriptionInput,
  events: EventBatch,
  /** The customer completes 3-D Secure for the first invoice (Checkout's hosted page). */
  authenticated = false,
): SubscriptionObject {
  const customer = ctx.store.customers.get(input.customer, 'customer');
  if (input.items.length === 0) throw invalidParameter('items', 'Missing required param: items.', 'parameter_missing');
  const prices = input.items.map((item, index) => recurringPrice(ctx, item.price, `items[${index}][price]`));
  const now = ctx.clock.forCustomer(customer.id);
  const trialEnd = input.trial_end ?? (input.trial_period_days ? now + input.trial_period_days * 86_400 : null);
  if (input.payment_behavior === 'pending_if_incomplete') {
    throw invalidParameter(
      'payment_behavior',
      'You may only specify `payment_behavior=pending_if_incomplete` when updating a subscription.',
      'parameter_invalid_string',
    );
  }
  const recurring = prices[0]?.recurring;
  const periodEnd = trialEnd ?? addInterval(now, recurring?.interval ?? 'month', recurring?.interval_count ?? 1);
  const id = newId(ID_PREFIX.subscription);
  let defaultPaymentMethod: string | null = null;
  if (input.default_payment_method) {
    const paymentMethod = resolvePaymentMethod(ctx, input.default_payment_method, 'default_payment_method');
    defaultPaymentMethod = attachPaymentMethod(ctx, paymentMethod, customer.id).id;
  }
  // `error_if_incomplete`: a first invoice that cannot be paid fails the call and creates nothing.
  const chargedNow = !trialEnd && prices.some((price) => (price.unit_amount ?? 0) > 0);
  const paymentMethodId = defaultPaymentMethod ?? idOf(customer.invoice_settings.default_payment_method);
  const outcome = chargeOutcome(ctx, paymentMethodId, authenticated);
  if (input.payment_behavior === 'error_if_incomplete' && chargedNow && outcome !== 'succeeded')
    throw chargeError(outcome, paymentMethodId);
  const subscription = buildSubscription({
    id,
    created: now,
    customer: customer.id,
    currency: prices[0]?.currency ?? 'usd',
    items: input.items.map((item, index) =>
      buildSubscriptionItem({
        id: newId(ID_PREFIX.subscriptionItem, 14),
        created: now,
        subscription: id,
        price: prices[index] as PriceObject,
        quantity: item.quantity ?? 1,
        periodStart: now,
        periodEnd,
        metadata: mergeMetadata({}, item.metadata),
      }),
    ),
    status: trialEnd ? 'trialing' : 'incomplete',
    defaultPaymentMethod,
    metadata: mergeMetadata({}, input.metadata),
    description: input.description ?? null,
    trialStart: trialEnd ? now : null,
    trialEnd,
    testClock: ctx.clock.testClockOf(customer.id),
    billingMode: input.billing_mode?.type ?? 'flexible',
    prorationDiscounts: input.billing_mode?.flexible?.proration_discounts ?? 'included',
  });
  subscription.cancel_at_period_end = input.cancel_at_period_end ?? false;
  if (subscription.cancel_at_period_end) subscription.cancel_at = periodEnd;
  ctx.store.subscriptions.insert(subscription);

  const invoiceEvents = new EventBatch();
  const invoice = invoiceSubscription(
    ctx,
    subscription,
    {
      billingReason: 'subscription_create',
      lines: subscription.items.data.map((item) => periodLine(ctx, item, trialEnd !== null)),
      periodStart: now,
      periodEnd: now,
      authenticated,
      // `default_incomplete`: the first invoice waits for the customer to pay it (e.g. with Stripe.js).
      collect: input.payment_behavior !== 'default_incomplete',
    },
    invoiceEvents,
  );
  if (!trialEnd) subscription.status = invoice.status === 'paid' ? 'active' : 'incomplete';
  events.add('customer.subscription.created', subscription).append(invoiceEvents);
  noticeTrialEnding(ctx, subscription, now, events);
  return subscription;
}

/** Stripe announces a trial's end three days ahead, or at once when the trial is shorter. */
export function noticeTrialEnding(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  now: number,
  events: EventBatch,
): void {
  if (subscription.status !== 'trialing' || subscription.trial_end === null) return;
  if (ctx.store.trialEndNoticesSent.has(subscription.id)) return;
  if (subscription.trial_end - now > TRIAL_WILL_END_NOTICE_SECONDS) return;
  ctx.store.trialEndNoticesSent.add(subscription.id);
  events.add('customer.subscription.trial_will_end', subscription);
}

/** What `subscriptions.cancel` settles besides ending the subscription. */
export interface CancellationSettlement {
  /** Credit the unused time of the period (a proration invoice item). */
  prorate?: boolean | null;
  /** Bill the pending prorations at once on a final invoice (a credit goes to the customer's balance). */
  invoiceNow?: boolean | null;
}

export function cancelSubscription(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  details: { comment?: string | null; feedback?: string | null },
  events: EventBatch,
  at: number = ctx.clock.forCustomer(idOf(subscription.customer)),
  settlement: CancellationSettlement = {},
): SubscriptionObject {
  if (subscription.status === 'canceled') {
    throw invalidState(`A canceled subscription can only update its cancellation_details and metadata.`);
  }
  const pendingInvoice = subscription.pending_update
    ? ctx.store.invoices.find(idOf(subscription.latest_invoice) ?? '')
    : undefined;
  if (pendingInvoice?.status === 'open') voidInvoice(ctx, pendingInvoice, events);
  // A trial was not paid for: nothing to credit.
  const paidFor = subscription.status !== 'trialing';
  subscription.status = 'canceled';
  subscription.canceled_at ??= at;
  subscription.ended_at = at;
  subscription.cancellation_details = {
    comment: details.comment ?? null,
    feedback: (details.feedback ?? null) as Stripe.Subscription.CancellationDetails.Feedback | null,
    feedback_option: null,
    reason: 'cancellation_requested',
  };
  const settlementEvents = new EventBatch();
  if (settlement.prorate && paidFor) {
    const credits = subscription.items.data.map((item) => unusedTime(ctx, item, item.price, item.quantity ?? 1, at));
    storeProrations(
      ctx,
      subscription,
      credits.filter((credit) => credit.amount !== 0),
    );
  }
  const customerId = idOf(subscription.customer) ?? '';
  if (
    settlement.invoiceNow &&
    ctx.store.invoiceItems.all().some((item) => item.invoice === null && idOf(item.customer) === customerId)
  ) {
    invoiceSubscription(
      ctx,
      subscription,
      { billingReason: 'subscription_update', lines: [], periodStart: at, periodEnd: at },
      settlementEvents,
    );
  }
  events.add('customer.subscription.deleted', subscription).append(settlementEvents);
  return subscription;
}
