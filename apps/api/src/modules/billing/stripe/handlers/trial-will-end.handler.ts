import type Stripe from 'stripe';
import { outcomeOfSync, type WebhookHandler } from './webhook-handler.js';

export const trialWillEnd: WebhookHandler = async (event, { sync, dunning }) => {
  const subscription = event.data.object as Stripe.Subscription;
  const outcome = outcomeOfSync(await sync.syncById(subscription.id), subscription.id);
  if (outcome.status !== 'processed' || !outcome.organizationId || !subscription.trial_end) return outcome;
  const mailed = await dunning.trialEnding(
    outcome.organizationId,
    subscription.id,
    new Date(subscription.trial_end * 1000),
  );
  return { ...outcome, result: `${outcome.result}; trial reminder ${mailed ? 'sent' : 'already sent'}` };
};
