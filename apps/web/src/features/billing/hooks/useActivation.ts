import { useEffect, useState } from 'react';
import { useBillingAccountQuery, useCurrentPlanQuery } from '../../../gql/hooks.js';

const POLL_INTERVAL_MS = 1500;
/** Webhooks normally land within seconds; past this the page says so instead of spinning forever. */
const PATIENCE_MS = 60_000;

export type ActivationState = 'waiting' | 'active' | 'slow';

/**
 * After Checkout, Stripe redirects before (or after) its webhook reaches the API: poll the billing
 * account until the API says the latest subscription grants its plan, then stop.
 */
export function useActivation() {
  const [timedOut, setTimedOut] = useState(false);
  const account = useBillingAccountQuery({ fetchPolicy: 'network-only', pollInterval: POLL_INTERVAL_MS });
  const granted = account.data?.billingAccount.subscription?.grantsPlan ?? false;
  const plan = useCurrentPlanQuery({ fetchPolicy: 'network-only', skip: !granted });

  useEffect(() => {
    if (granted) account.stopPolling();
  }, [granted, account]);

  useEffect(() => {
    const timer = setTimeout(() => setTimedOut(true), PATIENCE_MS);
    return () => clearTimeout(timer);
  }, []);

  const state: ActivationState = granted && plan.data ? 'active' : timedOut ? 'slow' : 'waiting';
  return { state, plan: plan.data?.plan ?? null, error: account.error ?? plan.error ?? null };
}
