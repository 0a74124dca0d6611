import { useState } from 'react';
import type { PlanTier } from '../../../gql/graphql.js';
import { BillingAccountDocument, CurrentPlanDocument, UsageDocument } from '../../../gql/graphql.js';
import { useChangePlanMutation, useCreateCheckoutSessionMutation } from '../../../gql/hooks.js';
import type { PlanAction, PlanSelection } from '../plan-actions.js';

/** What a plan change touches: the plan's limits, the usage meter and the billing card. */
export const BILLING_QUERIES = [CurrentPlanDocument, BillingAccountDocument, UsageDocument];

/** Runs what a plan card's button means: Stripe Checkout for a first subscription, a plan change otherwise. */
export function usePlanSelection(): PlanSelection {
  const [pendingTier, setPendingTier] = useState<PlanTier | null>(null);
  const [createCheckout, checkout] = useCreateCheckoutSessionMutation();
  const [changePlan, change] = useChangePlanMutation({ refetchQueries: BILLING_QUERIES, awaitRefetchQueries: true });

  async function select(tier: PlanTier, action: PlanAction) {
    setPendingTier(tier);
    try {
      if (action.kind === 'checkout') {
        const result = await createCheckout({ variables: { planTier: tier } });
        const url = result.data?.createCheckoutSession.url;
        // Leaving for Checkout: keep the button busy until the browser navigates away.
        if (url) return window.location.assign(url);
      } else if (action.kind === 'change-plan') {
        await changePlan({ variables: { planTier: tier } });
      }
    } catch {
      // The mutation state carries the error for the page to show.
    }
    setPendingTier(null);
  }

  return {
    select,
    pendingTier,
    error: checkout.error ?? change.error ?? null,
    changed: change.data?.changePlan ?? null,
  };
}
