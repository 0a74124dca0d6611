import { invalidParameter } from '../http/errors.js';
import type { TestClockObject } from '../objects/platform-objects.js';
import type { SubscriptionObject } from '../objects/subscription-objects.js';
import { changedAttributes, EventBatch } from '../webhooks/event-bus.js';
import { addInterval } from './clock.js';
import { idOf, type BillingContext } from './context.js';
import { invoiceSubscription, voidInvoice } from './invoices.js';
import { periodLine } from './subscription-lines.js';
import { nextScheduleTransition, runScheduleTransition } from './subscription-schedules.js';
import { cancelSubscription, noticeTrialEnding } from './subscriptions.js';

const RENEWABLE = new Set(['active', 'trialing', 'past_due']);
/** Stripe gives a subscription whose first invoice failed 23 hours to be paid, then it expires. */
const INCOMPLETE_LIFETIME_SECONDS = 23 * 3600;

/**
 * Moves a test clock forward, doing what Stripe does to its customers' subscriptions on the way: each
 * period boundary crossed ends a trial or renews (next invoice, charged; a failing card leaves the
 * invoice open and the subscription `past_due`), and a subscription set to cancel at period end ends;
 * one still `incomplete` 23 hours after its creation expires.
 */
export function advanceTestClock(
  ctx: BillingContext,
  clock: TestClockObject,
  frozenTime: number,
  events: EventBatch,
): TestClockObject {
  if (frozenTime <= clock.frozen_time) {
    throw invalidParameter('frozen_time', 'The frozen_time must be after the current frozen_time of the test clock.');
  }
  const customers = ctx.store.customers.all().filter((customer) => customer.test_clock === clock.id);
  for (const customer of customers) {
    const subscriptions = ctx.store.subscriptions
      .all()
      .filter((subscription) => idOf(subscription.customer) === customer.id);
    for (const subscription of subscriptions) {
      if (subscription.status === 'incomplete') expireIncomplete(ctx, clock, subscription, frozenTime, events);
      else if (RENEWABLE.has(subscription.status)) advanceSubscription(ctx, clock, subscription, frozenTime, events);
    }
  }
  clock.frozen_time = frozenTime;
  clock.status = 'ready';
  return clock;
}

function advanceSubscription(
  ctx: BillingContext,
  clock: TestClockObject,
  subscription: SubscriptionObject,
  until: number,
  events: EventBatch,
): void {
  for (;;) {
    noticeTrialEnding(ctx, subscription, until, events);
    expirePendingUpdate(ctx, clock, subscription, until, events);
    const periodEnd = subscription.items.data[0]?.current_period_end;
    const transition = nextScheduleTransition(ctx, subscription);
    if (transition !== null && transition <= until && (periodEnd === undefined || transition <= periodEnd)) {
      // A schedule's phase ends first (or with the period): its next prices are what the renewal bills.
      clock.frozen_time = Math.max(clock.frozen_time, transition);
      runScheduleTransition(ctx, subscription, transition, events);
      continue;
    }
    const cancelAt = subscription.cancel_at;
    if (
      cancelAt !== null &&
      cancelAt <= until &&
      cancelAt < (periodEnd ?? Infinity) &&
      RENEWABLE.has(subscription.status)
    ) {
      // A cancel_at inside the period ends the subscription then, not at the period's end.
      clock.frozen_time = Math.max(clock.frozen_time, cancelAt);
      cancelSubscription(ctx, subscription, {}, events, cancelAt);
      return;
    }
    if (periodEnd === undefined || periodEnd > until || !RENEWABLE.has(subscription.status)) return;
    // Work at the boundary's time, so invoices and periods carry the dates Stripe would give them.
    clock.frozen_time = Math.max(clock.frozen_time, periodEnd);
    if (subscription.cancel_at_period_end || (subscription.cancel_at !== null && subscription.cancel_at <= periodEnd)) {
      cancelSubscription(ctx, subscription, {}, events, periodEnd);
      return;
    }
    renewPeriod(ctx, subscription, periodEnd, events);
  }
}

function renewPeriod(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  periodStart: number,
  events: EventBatch,
): void {
  const before = structuredClone(subscription);
  for (const item of subscription.items.data) {
    const recurring = item.price.recurring;
    item.current_period_start = periodStart;
    item.current_period_end = addInterval(periodStart, recurring?.interval ?? 'month', recurring?.interval_count ?? 1);
  }
  const invoiceEvents = new EventBatch();
  const invoice = invoiceSubscription(
    ctx,
    subscription,
    {
      billingReason: 'subscription_cycle',
      lines: subscription.items.data.map((item) => periodLine(ctx, item, false)),
      periodStart: before.items.data[0]?.current_period_start ?? periodStart,
      periodEnd: periodStart,
    },
    invoiceEvents,
  );
  subscription.status = invoice.status === 'paid' ? 'active' : 'past_due';
  events
    .add('customer.subscription.updated', subscription, changedAttributes(before, subscription))
    .append(invoiceEvents);
}

/** A pending update not paid by its `expires_at` is discarded and its invoice voided, as Stripe does. */
function expirePendingUpdate(
  ctx: BillingContext,
  clock: TestClockObject,
  subscription: SubscriptionObject,
  until: number,
  events: EventBatch,
): void {
  const expiresAt = subscription.pending_update?.expires_at;
  if (expiresAt === undefined || expiresAt > until) return;
  const invoice = ctx.store.invoices.find(idOf(subscription.latest_invoice) ?? '');
  clock.frozen_time = Math.max(clock.frozen_time, expiresAt);
  if (invoice?.status === 'open') voidInvoice(ctx, invoice, events);
  else subscription.pending_update = null;
}

/** An `incomplete` subscription not paid within 23 hours becomes `incomplete_expired`; its invoice is voided. */
function expireIncomplete(
  ctx: BillingContext,
  clock: TestClockObject,
  subscription: SubscriptionObject,
  until: number,
  events: EventBatch,
): void {
  const expiresAt = subscription.created + INCOMPLETE_LIFETIME_SECONDS;
  if (expiresAt > until) return;
  clock.frozen_time = Math.max(clock.frozen_time, expiresAt);
  const before = structuredClone(subscription);
  const invoice = ctx.store.invoices.find(idOf(subscription.latest_invoice) ?? '');
  const invoiceEvents = new EventBatch();
  if (invoice?.status === 'open') voidInvoice(ctx, invoice, invoiceEvents);
  subscription.status = 'incomplete_expired';
  subscription.canceled_at = expiresAt;
  subscription.ended_at = expiresAt;
  events
    .add('customer.subscription.updated', subscription, changedAttributes(before, subscription))
    .append(invoiceEvents);
}
