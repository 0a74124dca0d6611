import type Stripe from 'stripe';
import { idOf } from '../../stripe-prices.js';
import { ignored, outcomeOfSync, type WebhookHandler } from './webhook-handler.js';

export const checkoutSessionCompleted: WebhookHandler = async (event, { sync }) => {
  const session = event.data.object as Stripe.Checkout.Session;
  const subscriptionId = idOf(session.subscription);
  if (session.mode !== 'subscription' || !subscriptionId)
    return ignored(`checkout session ${session.id} is not a subscription`);
  return outcomeOfSync(await sync.syncById(subscriptionId), subscriptionId);
};
