import { invalidState } from '../http/errors.js';
import type { PriceObject } from '../objects/catalog-objects.js';
import type { PortalConfigurationObject } from '../objects/portal-objects.js';
import type { SubscriptionObject } from '../objects/subscription-objects.js';
import type { EventBatch } from '../webhooks/event-bus.js';
import { idOf, type BillingContext } from './context.js';
import { attachPaymentMethod, createCardPaymentMethod } from './payment-methods.js';
import { createScheduleFromSubscription, releaseSchedule, updateSchedule } from './subscription-schedules.js';
import { updateSubscription } from './subscription-updates.js';
import { cancelSubscription } from './subscriptions.js';
import type { ResolvedCard } from './test-cards.js';

/**
 * What the hosted portal lets a customer do, each allowed only when the session's configuration
 * enables it, and done through the same operations as the API.
 */

const UPDATABLE_STATUSES = new Set(['active', 'trialing']);

/**
 * The prices the configuration lets this subscription switch to: none when plan changes are off, the
 * subscription is not active, is managed by a schedule (the portal leaves those alone), has several
 * items, or its current product is not one the configuration lists.
 */
export function switchablePrices(
  ctx: BillingContext,
  configuration: PortalConfigurationObject,
  subscription: SubscriptionObject,
): PriceObject[] {
  const feature = configuration.features.subscription_update;
  const item = subscription.items.data[0];
  if (
    !feature.enabled ||
    !feature.default_allowed_updates.includes('price') ||
    !item ||
    subscription.items.data.length > 1
  )
    return [];
  if (!UPDATABLE_STATUSES.has(subscription.status) || subscription.schedule || subscription.pending_update) return [];
  const products = feature.products ?? [];
  if (!products.some((entry) => entry.product === idOf(item.price.product))) return [];
  return products
    .flatMap((entry) => entry.prices)
    .map((priceId) => ctx.store.prices.find(priceId))
    .filter((price): price is PriceObject => price !== undefined && price.active && price.id !== item.price.id);
}

export type PlanSwitch = { kind: 'applied' } | { kind: 'scheduled'; at: number };

export function switchPlan(
  ctx: BillingContext,
  configuration: PortalConfigurationObject,
  subscription: SubscriptionObject,
  priceId: string,
  events: EventBatch,
): PlanSwitch {
  const price = switchablePrices(ctx, configuration, subscription).find((candidate) => candidate.id === priceId);
  const item = subscription.items.data[0];
  if (!price || !item) throw invalidState('This plan is not available for your subscription.');
  const feature = configuration.features.subscription_update;
  if (schedulesAtPeriodEnd(configuration, item.price, price)) {
    return { kind: 'scheduled', at: scheduleAtPeriodEnd(ctx, subscription, price, events) };
  }
  updateSubscription(
    ctx,
    subscription,
    {
      items: [{ id: item.id, price: price.id }],
      proration_behavior: feature.proration_behavior as 'create_prorations' | 'none' | 'always_invoice',
    },
    events,
  );
  return { kind: 'applied' };
}

/** `schedule_at_period_end.conditions`: any condition that holds defers the change to the period end. */
function schedulesAtPeriodEnd(configuration: PortalConfigurationObject, from: PriceObject, to: PriceObject): boolean {
  return configuration.features.subscription_update.schedule_at_period_end.conditions.some((condition) => {
    if (condition.type === 'decreasing_item_amount') return monthlyAmount(to) < monthlyAmount(from);
    if (condition.type === 'shortening_interval') return intervalDays(to) < intervalDays(from);
    return false;
  });
}

const DAYS = { day: 1, week: 7, month: 30, year: 365 } as const;

function intervalDays(price: PriceObject): number {
  const recurring = price.recurring;
  return recurring ? DAYS[recurring.interval as keyof typeof DAYS] * recurring.interval_count : 0;
}

function monthlyAmount(price: PriceObject): number {
  const days = intervalDays(price);
  return days > 0 ? ((price.unit_amount ?? 0) * 30) / days : (price.unit_amount ?? 0);
}

/**
 * As Stripe's portal does it: a subscription schedule from the subscription whose current phase runs
 * to the period end, then a phase on the new price, released when that phase ends.
 */
function scheduleAtPeriodEnd(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  price: PriceObject,
  events: EventBatch,
): number {
  const schedule = createScheduleFromSubscription(ctx, subscription.id, events);
  const current = schedule.phases[0];
  if (!current) throw new Error(`schedule ${schedule.id} has no current phase`);
  const quantity = subscription.items.data[0]?.quantity ?? 1;
  updateSchedule(
    ctx,
    schedule,
    {
      end_behavior: 'release',
      phases: [
        {
          items: [{ price: subscription.items.data[0]?.price.id ?? '', quantity }],
          start_date: String(current.start_date),
          end_date: String(current.end_date),
        },
        { items: [{ price: price.id, quantity }] },
      ],
    },
    events,
  );
  return current.end_date;
}

export function cancelFromPortal(
  ctx: BillingContext,
  configuration: PortalConfigurationObject,
  subscription: SubscriptionObject,
  feedback: string | null,
  events: EventBatch,
): 'at_period_end' | 'immediately' {
  const feature = configuration.features.subscription_cancel;
  if (!feature.enabled || subscription.status === 'canceled')
    throw invalidState('Canceling is not available for this subscription.');
  if (feature.mode === 'immediately') {
    // The reason asked for is kept when the subscription ends now (an update cannot carry it).
    const reasons = feature.cancellation_reason;
    const reason = reasons.enabled && feedback && reasons.options.includes(feedback) ? feedback : null;
    cancelSubscription(ctx, subscription, { feedback: reason }, events, undefined, {
      prorate: feature.proration_behavior === 'create_prorations',
    });
    return 'immediately';
  }
  // A change scheduled earlier gives way to the cancellation.
  const scheduleId = idOf(subscription.schedule);
  const schedule = scheduleId ? ctx.store.subscriptionSchedules.find(scheduleId) : undefined;
  if (schedule) releaseSchedule(ctx, schedule, { preserveCancelDate: false }, events);
  updateSubscription(ctx, subscription, { cancel_at_period_end: true }, events);
  return 'at_period_end';
}

/** Undoes a cancellation at period end (the portal's "Renew"), whatever the configuration. */
export function renewFromPortal(ctx: BillingContext, subscription: SubscriptionObject, events: EventBatch): void {
  if (!subscription.cancel_at_period_end) throw invalidState('This subscription is not set to cancel.');
  updateSubscription(ctx, subscription, { cancel_at_period_end: false }, events);
}

/**
 * A new card becomes the customer's default and that of each of their live subscriptions, so the
 * next charge (a retry, a renewal) uses it. A declined card is refused and nothing changes.
 */
export function updatePaymentMethodFromPortal(
  ctx: BillingContext,
  configuration: PortalConfigurationObject,
  customerId: string,
  card: ResolvedCard,
  events: EventBatch,
): void {
  if (!configuration.features.payment_method_update.enabled)
    throw invalidState('Updating the payment method is not available.');
  const customer = ctx.store.customers.get(customerId, 'customer');
  const paymentMethod = attachPaymentMethod(
    ctx,
    createCardPaymentMethod(ctx, card, { email: customer.email, name: customer.name }),
    customerId,
  );
  const before = structuredClone(customer);
  customer.invoice_settings.default_payment_method = paymentMethod.id;
  events.add('customer.updated', customer, { invoice_settings: before.invoice_settings });
  for (const subscription of ctx.store.subscriptions.all()) {
    if (
      idOf(subscription.customer) !== customerId ||
      subscription.status === 'canceled' ||
      !subscription.default_payment_method
    )
      continue;
    updateSubscription(ctx, subscription, { default_payment_method: paymentMethod.id }, events);
  }
}
