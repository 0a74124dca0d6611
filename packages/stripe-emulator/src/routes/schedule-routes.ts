import { idOf } from '../billing/context.js';
import {
  cancelSchedule,
  createScheduleFromSubscription,
  releaseSchedule,
  updateSchedule,
} from '../billing/subscription-schedules.js';
import { invalidState } from '../http/errors.js';
import { paginate } from '../http/pagination.js';
import { any, arr, bool, hash, int, obj, str } from '../http/params.js';
import { listParams, pathParam, route, type ApiRoute } from '../http/route.js';
import { PRORATION_BEHAVIORS } from './stripe-enums.js';
import { EventBatch } from '../webhooks/event-bus.js';

const END_BEHAVIOR = ['release', 'cancel', 'none', 'renew'] as const;

const phaseSchema = obj({
  items: arr(obj({ price: str(), quantity: int(), metadata: hash() }), { required: true }),
  start_date: str(),
  end_date: str(),
  duration: obj({ interval: str({ enum: ['day', 'week', 'month', 'year'], required: true }), interval_count: int() }),
  proration_behavior: str({ enum: PRORATION_BEHAVIORS }),
  metadata: hash(),
});

/** With `from_subscription` Stripe takes everything from the subscription; these cannot be sent too. */
const EXCLUSIVE_WITH_FROM_SUBSCRIPTION = [
  'customer',
  'phases',
  'start_date',
  'end_behavior',
  'metadata',
  'default_settings',
] as const;

export const scheduleRoutes: ApiRoute[] = [
  route(
    'POST',
    '/v1/subscription_schedules',
    {
      from_subscription: str(),
      customer: str(),
      phases: arr(phaseSchema),
      start_date: str(),
      end_behavior: str({ enum: END_BEHAVIOR }),
      metadata: hash(),
      default_settings: any(),
    },
    (params, { billing }) => {
      if (!params.from_subscription) {
        throw invalidState('The emulator creates subscription schedules only with `from_subscription`.');
      }
      for (const param of EXCLUSIVE_WITH_FROM_SUBSCRIPTION) {
        if (params[param] !== undefined)
          throw invalidState(`You cannot set \`${param}\` if \`from_subscription\` is set.`, param);
      }
      const events = new EventBatch();
      const schedule = createScheduleFromSubscription(billing, params.from_subscription, events);
      billing.bus.publish(events);
      return schedule;
    },
  ),
  route('GET', '/v1/subscription_schedules/:id', {}, (_params, ctx) =>
    ctx.billing.store.subscriptionSchedules.get(pathParam(ctx, 'id'), 'schedule'),
  ),
  route(
    'POST',
    '/v1/subscription_schedules/:id',
    {
      phases: arr(phaseSchema),
      end_behavior: str({ enum: END_BEHAVIOR }),
      proration_behavior: str({ enum: PRORATION_BEHAVIORS }),
      metadata: hash(),
    },
    (params, ctx) => {
      const { billing } = ctx;
      const schedule = billing.store.subscriptionSchedules.get(pathParam(ctx, 'id'), 'schedule');
      const events = new EventBatch();
      updateSchedule(billing, schedule, params, events);
      billing.bus.publish(events);
      return schedule;
    },
  ),
  route('POST', '/v1/subscription_schedules/:id/release', { preserve_cancel_date: bool() }, (params, ctx) => {
    const { billing } = ctx;
    const schedule = billing.store.subscriptionSchedules.get(pathParam(ctx, 'id'), 'schedule');
    const events = new EventBatch();
    releaseSchedule(billing, schedule, { preserveCancelDate: params.preserve_cancel_date ?? false }, events);
    billing.bus.publish(events);
    return schedule;
  }),
  route('POST', '/v1/subscription_schedules/:id/cancel', { invoice_now: bool(), prorate: bool() }, (_params, ctx) => {
    const { billing } = ctx;
    const schedule = billing.store.subscriptionSchedules.get(pathParam(ctx, 'id'), 'schedule');
    const events = new EventBatch();
    cancelSchedule(billing, schedule, events);
    billing.bus.publish(events);
    return schedule;
  }),
  route(
    'GET',
    '/v1/subscription_schedules',
    { ...listParams, customer: str(), scheduled: bool() },
    (params, { billing }) =>
      paginate(
        billing.store.subscriptionSchedules.newestFirst(
          (schedule) =>
            (!params.customer || idOf(schedule.customer) === params.customer) &&
            (params.scheduled == null || (schedule.status === 'not_started') === params.scheduled),
        ),
        params,
        '/v1/subscription_schedules',
      ),
  ),
];
