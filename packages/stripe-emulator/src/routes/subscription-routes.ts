import { idOf } from '../billing/context.js';
import { cancelSubscription, createSubscription } from '../billing/subscriptions.js';
import {
  cancelScheduleOfCanceledSubscription,
  refuseScheduleManagedChange,
} from '../billing/subscription-schedules.js';
import { updateSubscription } from '../billing/subscription-updates.js';
import { paginate } from '../http/pagination.js';
import { any, arr, bool, hash, int, obj, str } from '../http/params.js';
import { listParams, pathParam, route, type ApiRoute } from '../http/route.js';
import { CANCELLATION_FEEDBACK, PRORATION_BEHAVIORS } from './stripe-enums.js';
import { EventBatch } from '../webhooks/event-bus.js';

const PAYMENT_BEHAVIOR = [
  'allow_incomplete',
  'default_incomplete',
  'error_if_incomplete',
  'pending_if_incomplete',
] as const;

/** Accepted as Stripe does; of these only `payment_behavior` changes what the emulator does. */
const acceptedSettings = {
  payment_behavior: str({ enum: PAYMENT_BEHAVIOR }),
  collection_method: str({ enum: ['charge_automatically'] }),
  payment_settings: any(),
  automatic_tax: any(),
  off_session: bool(),
} as const;

const cancellationDetails = obj({ comment: str(), feedback: str({ enum: CANCELLATION_FEEDBACK }) });

const STATUSES = [
  'active',
  'all',
  'canceled',
  'ended',
  'incomplete',
  'incomplete_expired',
  'past_due',
  'paused',
  'trialing',
  'unpaid',
] as const;

export const subscriptionRoutes: ApiRoute[] = [
  route(
    'POST',
    '/v1/subscriptions',
    {
      ...acceptedSettings,
      customer: str({ required: true }),
      items: arr(obj({ price: str({ required: true }), quantity: int(), metadata: hash() }), { required: true }),
      metadata: hash(),
      default_payment_method: str(),
      description: str(),
      trial_period_days: int(),
      trial_end: int(),
      cancel_at_period_end: bool(),
      proration_behavior: str({ enum: PRORATION_BEHAVIORS }),
      billing_mode: obj({
        type: str({ required: true, enum: ['classic', 'flexible'] }),
        flexible: obj({ proration_discounts: str({ enum: ['included', 'itemized'] }) }),
      }),
    },
    (params, { billing }) => {
      const events = new EventBatch();
      const subscription = createSubscription(billing, params, events);
      billing.bus.publish(events);
      return subscription;
    },
  ),
  route('GET', '/v1/subscriptions/:id', {}, (_params, ctx) =>
    ctx.billing.store.subscriptions.get(pathParam(ctx, 'id')),
  ),
  route(
    'POST',
    '/v1/subscriptions/:id',
    {
      ...acceptedSettings,
      items: arr(
        obj({ id: str(), price: str(), quantity: int(), deleted: bool(), metadata: hash(), clear_usage: bool() }),
      ),
      metadata: hash(),
      proration_behavior: str({ enum: PRORATION_BEHAVIORS }),
      proration_date: int(),
      billing_cycle_anchor: obj({ type: str({ required: true, enum: ['now', 'unchanged'] }) }),
      cancel_at_period_end: bool(),
      cancel_at: str(),
      default_payment_method: str(),
      description: str(),
      cancellation_details: cancellationDetails,
    },
    (params, ctx) => {
      const { billing } = ctx;
      const subscription = billing.store.subscriptions.get(pathParam(ctx, 'id'));
      refuseScheduleManagedChange(subscription, params);
      const events = new EventBatch();
      updateSubscription(billing, subscription, params, events);
      billing.bus.publish(events);
      return subscription;
    },
  ),
  route(
    'DELETE',
    '/v1/subscriptions/:id',
    {
      invoice_now: bool(),
      prorate: bool(),
      cancellation_details: cancellationDetails,
    },
    (params, ctx) => {
      const { billing } = ctx;
      const subscription = billing.store.subscriptions.get(pathParam(ctx, 'id'));
      const events = new EventBatch();
      cancelSubscription(billing, subscription, params.cancellation_details ?? {}, events, undefined, {
        prorate: params.prorate ?? false,
        invoiceNow: params.invoice_now ?? false,
      });
      cancelScheduleOfCanceledSubscription(billing, subscription, events);
      billing.bus.publish(events);
      return subscription;
    },
  ),
  route(
    'GET',
    '/v1/subscriptions',
    {
      ...listParams,
      customer: str(),
      price: str(),
      status: str({ enum: STATUSES }),
      test_clock: str(),
    },
    (params, { billing }) =>
      paginate(
        billing.store.subscriptions.newestFirst((subscription) => {
          const status = params.status ?? null;
          // Stripe leaves canceled subscriptions out unless asked for them.
          const statusMatches =
            status === 'all' ||
            (status === null
              ? subscription.status !== 'canceled'
              : status === 'ended'
                ? subscription.status === 'canceled'
                : subscription.status === status);
          return (
            statusMatches &&
            (!params.customer || idOf(subscription.customer) === params.customer) &&
            (!params.test_clock || subscription.test_clock === params.test_clock) &&
            (!params.price || subscription.items.data.some((item) => item.price.id === params.price))
          );
        }),
        params,
        '/v1/subscriptions',
      ),
  ),
  route(
    'GET',
    '/v1/subscription_items',
    { ...listParams, subscription: str({ required: true }) },
    (params, { billing }) => {
      const subscription = billing.store.subscriptions.get(params.subscription, 'subscription');
      return paginate(
        [...subscription.items.data].reverse(),
        params,
        `/v1/subscription_items?subscription=${subscription.id}`,
      );
    },
  ),
];
