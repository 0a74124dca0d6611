import type Stripe from 'stripe';
import { outcomeOfSync, type WebhookHandler } from './webhook-handler.js';

/** created, updated and deleted alike: the event only says which subscription to fetch again. */
export const subscriptionChanged: WebhookHandler = async (event, { sync }) => {
  const subscription = event.data.object as Stripe.Subscription;
  return outcomeOfSync(await sync.syncById(subscription.id), subscription.id);
};
