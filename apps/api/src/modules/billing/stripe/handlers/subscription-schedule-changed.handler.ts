import type Stripe from 'stripe';
import { ignored, outcomeOfSync, type WebhookHandler } from './webhook-handler.js';

/**
 * A schedule created, changed in the Dashboard, released or ended: the subscription it manages (or
 * managed, once released) is fetched again, which brings our scheduled downgrade to Stripe's.
 */
export const subscriptionScheduleChanged: WebhookHandler = async (event, { sync }) => {
  const schedule = event.data.object as Stripe.SubscriptionSchedule;
  const subscription = schedule.subscription ?? schedule.released_subscription;
  const subscriptionId = typeof subscription === 'string' ? subscription : (subscription?.id ?? null);
  if (!subscriptionId) return ignored(`subscription schedule ${schedule.id} manages no subscription`);
  return outcomeOfSync(await sync.syncById(subscriptionId), subscriptionId);
};
