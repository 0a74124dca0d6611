import { invalidParameter, invalidState, missingParameter } from '../http/errors.js';
import { ID_PREFIX, newId } from '../ids.js';
import {
  buildSchedulePhase,
  buildSubscriptionSchedule,
  type PhaseItemValues,
  type SchedulePhaseObject,
  type SubscriptionScheduleObject,
} from '../objects/schedule-objects.js';
import type { SubscriptionObject } from '../objects/subscription-objects.js';
import { changedAttributes, EventBatch } from '../webhooks/event-bus.js';
import { addInterval } from './clock.js';
import { idOf, mergeMetadata, type BillingContext } from './context.js';
import { updateSubscription, type ProrationBehavior, type SubscriptionItemUpdate } from './subscription-updates.js';
import { cancelSubscription, recurringPrice } from './subscriptions.js';

export type EndBehavior = 'release' | 'cancel' | 'none' | 'renew';

export interface SchedulePhaseInput {
  items: { price?: string | null; quantity?: number | null; metadata?: Record<string, string | null> | null }[];
  /** A Unix timestamp or `now`, as Stripe accepts them. */
  start_date?: string | null;
  end_date?: string | null;
  duration?: { interval: 'day' | 'week' | 'month' | 'year'; interval_count?: number | null } | null;
  proration_behavior?: ProrationBehavior | null;
  metadata?: Record<string, string | null> | null;
}

export interface ScheduleUpdateInput {
  phases?: SchedulePhaseInput[] | null;
  end_behavior?: EndBehavior | null;
  proration_behavior?: ProrationBehavior | null;
  metadata?: Record<string, string | null> | null;
}

/** Statuses in which Stripe still lets a schedule be updated, released or canceled. */
const OPEN_STATUSES = new Set(['not_started', 'active']);

function customerOf(schedule: SubscriptionScheduleObject): string {
  return idOf(schedule.customer) ?? '';
}

function subscriptionOf(ctx: BillingContext, schedule: SubscriptionScheduleObject): SubscriptionObject | undefined {
  const id = idOf(schedule.subscription);
  return id ? ctx.store.subscriptions.find(id) : undefined;
}

function requireOpen(schedule: SubscriptionScheduleObject, action: 'update' | 'release' | 'cancel'): void {
  if (OPEN_STATUSES.has(schedule.status)) return;
  const past = { update: 'updated', release: 'released', cancel: 'canceled' }[action];
  throw invalidState(
    `You cannot ${action} a subscription schedule that is currently in the \`${schedule.status}\` status. It must be in \`not_started\` or \`active\` status to be ${past}.`,
  );
}

function phaseItemsOf(subscription: SubscriptionObject): PhaseItemValues[] {
  return subscription.items.data.map((item) => ({ price: item.price.id, quantity: item.quantity ?? 1, metadata: {} }));
}

/**
 * `from_subscription`: a schedule whose one phase is the subscription's current period with its
 * current items; the subscription then names it in `schedule`. A subscription set to cancel keeps its
 * fate (`end_behavior: cancel`, shown as `cancel_at`), any other is released at the end.
 */
export function createScheduleFromSubscription(
  ctx: BillingContext,
  subscriptionId: string,
  events: EventBatch,
): SubscriptionScheduleObject {
  const subscription = ctx.store.subscriptions.get(subscriptionId, 'from_subscription');
  if (subscription.schedule) {
    throw invalidParameter(
      'from_subscription',
      `You cannot migrate a subscription that is already attached to a schedule: \`${idOf(subscription.schedule)}\`.`,
    );
  }
  if (subscription.status === 'canceled' || subscription.status === 'incomplete_expired') {
    throw invalidParameter(
      'from_subscription',
      `You cannot migrate a subscription that is in the \`${subscription.status}\` status.`,
    );
  }
  const customer = idOf(subscription.customer) ?? '';
  const period = subscription.items.data[0];
  const start = period?.current_period_start ?? ctx.clock.forCustomer(customer);
  const end = period?.current_period_end ?? start;
  const phase = buildSchedulePhase({
    startDate: start,
    endDate: end,
    currency: subscription.currency,
    items: phaseItemsOf(subscription),
    metadata: {},
    prorationBehavior: 'create_prorations',
    trialEnd: subscription.status === 'trialing' ? subscription.trial_end : null,
  });
  const schedule = buildSubscriptionSchedule({
    id: newId(ID_PREFIX.subscriptionSchedule),
    created: ctx.clock.forCustomer(customer),
    customer,
    subscription: subscription.id,
    phases: [phase],
    currentPhase: { start_date: start, end_date: end },
    billingMode: structuredClone(subscription.billing_mode),
    defaultPaymentMethod: idOf(subscription.default_payment_method),
    description: subscription.description,
    testClock: subscription.test_clock === null ? null : idOf(subscription.test_clock),
  });
  if (subscription.cancel_at_period_end || subscription.cancel_at !== null) schedule.end_behavior = 'cancel';
  ctx.store.subscriptionSchedules.insert(schedule);
  const before = structuredClone(subscription);
  subscription.schedule = schedule.id;
  applyCancelAt(schedule, subscription);
  events
    .add('subscription_schedule.created', schedule)
    .add('customer.subscription.updated', subscription, changedAttributes(before, subscription));
  return schedule;
}

/**
 * Replaces the schedule's phases (the first must be the current one, with its start unchanged), its
 * end behaviour or metadata. A change to the current phase's items applies to the subscription at
 * once, prorated per `proration_behavior` (Stripe's default `create_prorations`).
 */
export function updateSchedule(
  ctx: BillingContext,
  schedule: SubscriptionScheduleObject,
  input: ScheduleUpdateInput,
  events: EventBatch,
): SubscriptionScheduleObject {
  requireOpen(schedule, 'update');
  const subscription = subscriptionOf(ctx, schedule);
  const before = structuredClone(schedule);
  const subscriptionEvents = new EventBatch();
  if (input.phases) {
    schedule.phases = resolvePhases(ctx, schedule, input.phases);
    const current = schedule.phases[0];
    if (current) schedule.current_phase = { start_date: current.start_date, end_date: current.end_date };
    if (subscription && current && !sameItems(subscription, current)) {
      enterPhase(ctx, subscription, current, input.proration_behavior ?? 'create_prorations', subscriptionEvents);
    }
  }
  if (input.end_behavior) schedule.end_behavior = input.end_behavior;
  if (input.metadata !== undefined) schedule.metadata = mergeMetadata(schedule.metadata, input.metadata);
  if (subscription) syncCancelAt(schedule, subscription, subscriptionEvents);
  const changed = changedAttributes(before, schedule);
  if (Object.keys(changed).length > 0) events.add('subscription_schedule.updated', schedule, changed);
  events.append(subscriptionEvents);
  return schedule;
}

/** Stops the schedule and leaves the subscription running as it is (`released_subscription`). */
export function releaseSchedule(
  ctx: BillingContext,
  schedule: SubscriptionScheduleObject,
  options: { preserveCancelDate: boolean },
  events: EventBatch,
  at: number = ctx.clock.forCustomer(customerOf(schedule)),
): SubscriptionScheduleObject {
  requireOpen(schedule, 'release');
  const subscription = subscriptionOf(ctx, schedule);
  schedule.status = 'released';
  schedule.released_at = at;
  schedule.released_subscription = subscription?.id ?? null;
  schedule.subscription = null;
  schedule.current_phase = null;
  events.add('subscription_schedule.released', schedule);
  if (subscription) {
    const before = structuredClone(subscription);
    subscription.schedule = null;
    // The schedule's end date leaves with it unless the caller asks to keep it.
    if (!options.preserveCancelDate) subscription.cancel_at = null;
    events.add('customer.subscription.updated', subscription, changedAttributes(before, subscription));
  }
  return schedule;
}

/** Cancels the schedule and its subscription at once. */
export function cancelSchedule(
  ctx: BillingContext,
  schedule: SubscriptionScheduleObject,
  events: EventBatch,
): SubscriptionScheduleObject {
  requireOpen(schedule, 'cancel');
  const at = ctx.clock.forCustomer(customerOf(schedule));
  const subscription = subscriptionOf(ctx, schedule);
  if (subscription && subscription.status !== 'canceled') cancelSubscription(ctx, subscription, {}, events, at);
  markCanceled(schedule, at, events);
  return schedule;
}

/** A subscription canceled directly (`subscriptions.cancel`) takes its schedule with it. */
export function cancelScheduleOfCanceledSubscription(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  events: EventBatch,
): void {
  const schedule = activeScheduleOf(ctx, subscription);
  if (schedule && subscription.status === 'canceled')
    markCanceled(schedule, subscription.canceled_at ?? ctx.clock.forCustomer(customerOf(schedule)), events);
}

function markCanceled(schedule: SubscriptionScheduleObject, at: number, events: EventBatch): void {
  schedule.status = 'canceled';
  schedule.canceled_at = at;
  schedule.current_phase = null;
  events.add('subscription_schedule.canceled', schedule);
}

/**
 * Stripe refuses direct changes to what a schedule manages: the subscription's cancellation and its
 * items are changed through the schedule (or after releasing it).
 */
export function refuseScheduleManagedChange(
  subscription: SubscriptionObject,
  change: { items?: unknown[] | null; cancel_at_period_end?: boolean | null; cancel_at?: unknown },
): void {
  const scheduleId = idOf(subscription.schedule);
  if (!scheduleId) return;
  const managed = `The subscription is managed by the subscription schedule \`${scheduleId}\``;
  if (
    (change.cancel_at_period_end !== undefined && change.cancel_at_period_end !== null) ||
    change.cancel_at !== undefined
  ) {
    throw invalidState(
      `${managed}, and updating any cancelation behavior directly is not allowed. Please update the schedule instead.`,
    );
  }
  if (change.items && change.items.length > 0) {
    throw invalidState(
      `${managed}, and updating its items directly is not allowed. Please update the schedule instead.`,
    );
  }
}

/** When the subscription's active schedule acts next (the end of its current phase), if it has one. */
export function nextScheduleTransition(ctx: BillingContext, subscription: SubscriptionObject): number | null {
  const schedule = activeScheduleOf(ctx, subscription);
  return schedule?.current_phase?.end_date ?? null;
}

/**
 * The current phase ends at `at`: the subscription enters the next phase (its prices from now on,
 * not prorated when the switch falls on the renewal, which then bills the new prices), or the
 * schedule ends as its `end_behavior` says: `release` leaves the subscription running, `cancel` ends it.
 */
export function runScheduleTransition(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  at: number,
  events: EventBatch,
): void {
  const schedule = activeScheduleOf(ctx, subscription);
  if (!schedule) return;
  const next = schedule.phases.find((phase) => phase.start_date === at);
  if (!next) {
    endSchedule(ctx, schedule, subscription, at, events);
    return;
  }
  const before = structuredClone(schedule);
  schedule.current_phase = { start_date: next.start_date, end_date: next.end_date };
  events.add('subscription_schedule.updated', schedule, changedAttributes(before, schedule));
  if (sameItems(subscription, next) && Object.keys(next.metadata ?? {}).length === 0) return;
  const periodEnd = subscription.items.data[0]?.current_period_end;
  enterPhase(
    ctx,
    subscription,
    next,
    at === periodEnd ? 'none' : (next.proration_behavior as ProrationBehavior),
    events,
  );
}

function endSchedule(
  ctx: BillingContext,
  schedule: SubscriptionScheduleObject,
  subscription: SubscriptionObject,
  at: number,
  events: EventBatch,
): void {
  if (schedule.end_behavior !== 'cancel') {
    releaseSchedule(ctx, schedule, { preserveCancelDate: false }, events, at);
    return;
  }
  schedule.status = 'completed';
  schedule.completed_at = at;
  schedule.current_phase = null;
  cancelSubscription(ctx, subscription, {}, events, at);
  events.add('subscription_schedule.completed', schedule);
}

function activeScheduleOf(
  ctx: BillingContext,
  subscription: SubscriptionObject,
): SubscriptionScheduleObject | undefined {
  const id = idOf(subscription.schedule);
  const schedule = id ? ctx.store.subscriptionSchedules.find(id) : undefined;
  return schedule?.status === 'active' ? schedule : undefined;
}

function priceIdOf(item: SchedulePhaseObject['items'][number]): string {
  return typeof item.price === 'string' ? item.price : item.price.id;
}

function sameItems(subscription: SubscriptionObject, phase: SchedulePhaseObject): boolean {
  return (
    subscription.items.data.length === phase.items.length &&
    phase.items.every((item, index) => {
      const current = subscription.items.data[index];
      return current?.price.id === priceIdOf(item) && (current.quantity ?? 1) === (item.quantity ?? 1);
    })
  );
}

/** Makes the subscription's items those of the phase (by position), and applies the phase's metadata. */
function enterPhase(
  ctx: BillingContext,
  subscription: SubscriptionObject,
  phase: SchedulePhaseObject,
  prorationBehavior: ProrationBehavior,
  events: EventBatch,
): void {
  const updates: SubscriptionItemUpdate[] = phase.items.map((item, index) => {
    const existing = subscription.items.data[index];
    const target = { price: priceIdOf(item), quantity: item.quantity ?? 1 };
    return existing ? { id: existing.id, ...target } : target;
  });
  for (const extra of subscription.items.data.slice(phase.items.length)) updates.push({ id: extra.id, deleted: true });
  const metadata = phase.metadata ?? {};
  updateSubscription(
    ctx,
    subscription,
    {
      items: updates,
      proration_behavior: prorationBehavior,
      ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
    },
    events,
  );
}

function syncCancelAt(
  schedule: SubscriptionScheduleObject,
  subscription: SubscriptionObject,
  events: EventBatch,
): void {
  const before = structuredClone(subscription);
  applyCancelAt(schedule, subscription);
  const changed = changedAttributes(before, subscription);
  if (Object.keys(changed).length > 0) events.add('customer.subscription.updated', subscription, changed);
}

/** The schedule owns the cancellation: `end_behavior: cancel` shows as `cancel_at` at its end, anything else as none. */
function applyCancelAt(schedule: SubscriptionScheduleObject, subscription: SubscriptionObject): void {
  subscription.cancel_at = schedule.end_behavior === 'cancel' ? (schedule.phases.at(-1)?.end_date ?? null) : null;
  subscription.cancel_at_period_end = false;
}

function timestamp(value: string, param: string, now: number): number {
  if (value === 'now') return now;
  if (!/^\d+$/.test(value))
    throw invalidParameter(
      param,
      `Invalid timestamp: must be an integer Unix timestamp or \`now\`.`,
      'parameter_invalid_integer',
    );
  return Number(value);
}

/**
 * Stripe's phase rules: the first phase anchors the dates (and, on an active schedule, is the
 * current phase with its start unchanged); each phase starts where the previous ends and lasts until
 * its `end_date`, for its `duration`, or (neither given) one interval of its first price.
 */
function resolvePhases(
  ctx: BillingContext,
  schedule: SubscriptionScheduleObject,
  inputs: SchedulePhaseInput[],
): SchedulePhaseObject[] {
  const now = ctx.clock.forCustomer(customerOf(schedule));
  const anchor = inputs[0]?.start_date;
  if (anchor === undefined || anchor === null) {
    throw invalidState('Missing at least one phase with `start_date` to anchor end dates.');
  }
  let start = timestamp(anchor, 'phases[0][start_date]', now);
  if (schedule.status === 'active' && start !== schedule.current_phase?.start_date) {
    throw invalidParameter('phases[0][start_date]', 'You can not modify the start date of the current phase.');
  }
  return inputs.map((input, index) => {
    const param = `phases[${index}]`;
    if (index > 0 && input.start_date != null && timestamp(input.start_date, `${param}[start_date]`, now) !== start) {
      throw invalidParameter(
        `${param}[start_date]`,
        `The start_date of phase ${index} must be the end_date of the phase before it.`,
      );
    }
    if (input.end_date != null && input.duration != null) {
      throw invalidState('You may only specify one of these parameters: duration, end_date.');
    }
    const items = resolveItems(ctx, input.items, param);
    const nextStart = inputs[index + 1]?.start_date;
    const recurring = items[0]?.recurring;
    const end =
      input.end_date != null
        ? timestamp(input.end_date, `${param}[end_date]`, now)
        : input.duration != null
          ? addInterval(start, input.duration.interval, input.duration.interval_count ?? 1)
          : nextStart != null
            ? timestamp(nextStart, `phases[${index + 1}][start_date]`, now)
            : addInterval(start, recurring?.interval ?? 'month', recurring?.interval_count ?? 1);
    if (end <= start)
      throw invalidParameter(`${param}[end_date]`, 'The end_date of a phase must be after its start_date.');
    const phase = buildSchedulePhase({
      startDate: start,
      endDate: end,
      currency: items[0]?.currency ?? 'usd',
      items: items.map((item) => item.values),
      metadata: mergeMetadata({}, input.metadata),
      prorationBehavior: input.proration_behavior ?? 'create_prorations',
      trialEnd: null,
    });
    start = end;
    return phase;
  });
}

function resolveItems(
  ctx: BillingContext,
  inputs: SchedulePhaseInput['items'],
  param: string,
): { values: PhaseItemValues; currency: string; recurring: { interval: string; interval_count: number } | null }[] {
  if (inputs.length === 0) throw missingParameter(`${param}[items]`);
  return inputs.map((input, index) => {
    const itemParam = `${param}[items][${index}]`;
    if (!input.price) throw missingParameter(`${itemParam}[price]`);
    const price = recurringPrice(ctx, input.price, `${itemParam}[price]`);
    const quantity = input.quantity ?? 1;
    if (quantity < 0)
      throw invalidParameter(
        `${itemParam}[quantity]`,
        'This value must be greater than or equal to 0.',
        'parameter_invalid_integer',
      );
    return {
      values: { price: price.id, quantity, metadata: mergeMetadata({}, input.metadata) },
      currency: price.currency,
      recurring: price.recurring,
    };
  });
}
