import { useEffect, useState } from 'react';
import { useCurrentPlanQuery, useCurrentSubscriptionQuery } from '../../../gql/hooks.js';
import { isLiveSubscription } from '../plan-actions.js';

const POLL_INTERVAL_MS = 1500;
/** Webhooks normally land within seconds; past this the page says so instead of spinning forever. */
const PATIENCE_MS = 60_000;

export type ActivationState = 'waiting' | 'active' | 'slow';

/**
 * After Checkout, Stripe redirects before (or after) its webhook reaches the API: poll the
 * subscription until the webhook has made it live, then stop.
 */
export function useActivation() {
  const [timedOut, setTimedOut] = useState(false);
  const subscription = useCurrentSubscriptionQuery({ fetchPolicy: 'network-only', pollInterval: POLL_INTERVAL_MS });
  const live = isLiveSubscription(subscription.data?.subscription?.status);
  const plan = useCurrentPlanQuery({ fetchPolicy: 'network-only', skip: !live });

  useEffect(() => {
    if (live) subscription.stopPolling();
  }, [live, subscription]);

  useEffect(() => {
    const timer = setTimeout(() => setTimedOut(true), PATIENCE_MS);
    return () => clearTimeout(timer);
  }, []);

  const state: ActivationState = live && plan.data ? 'active' : timedOut ? 'slow' : 'waiting';
  return { state, plan: plan.data?.plan ?? null, error: subscription.error ?? plan.error ?? null };
}
