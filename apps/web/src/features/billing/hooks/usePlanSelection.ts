import { useState } from 'react';
import type { PlanTier } from '../../../gql/graphql.js';
import { BillingAccountDocument, CurrentPlanDocument, InvoicesDocument, UsageDocument } from '../../../gql/graphql.js';
import { useChangePlanMutation, useCreateCheckoutSessionMutation } from '../../../gql/hooks.js';
import type { PlanAction, PlanSelection } from '../plan-actions.js';

/** What a plan change touches: the plan's limits, the usage meter, the billing card and its invoices. */
export const BILLING_QUERIES = [CurrentPlanDocument, BillingAccountDocument, UsageDocument, InvoicesDocument];

/**
 * Runs what a plan card's button means: Stripe Checkout for a first subscription; a plan change
 * only after the admin has confirmed Stripe's preview of it (PlanChangeDialog).
 */
export function usePlanSelection(): PlanSelection {
  const [pendingTier, setPendingTier] = useState<PlanTier | null>(null);
  const [confirming, setConfirming] = useState<PlanSelection['confirming']>(null);
  const [createCheckout, checkout] = useCreateCheckoutSessionMutation();
  const [changePlan, change] = useChangePlanMutation({ refetchQueries: BILLING_QUERIES, awaitRefetchQueries: true });

  async function select(tier: PlanTier, action: PlanAction) {
    if (action.kind === 'change-plan') return setConfirming({ tier, label: action.label });
    if (action.kind !== 'checkout') return;
    setPendingTier(tier);
    try {
      const result = await createCheckout({ variables: { planTier: tier } });
      const url = result.data?.createCheckoutSession.url;
      // Leaving for Checkout: keep the button busy until the browser navigates away.
      if (url) return window.location.assign(url);
    } catch {
      // The mutation state carries the error for the page to show.
    }
    setPendingTier(null);
  }

  async function confirm() {
    if (!confirming) return;
    try {
      await changePlan({ variables: { planTier: confirming.tier } });
    } catch {
      // As above: change.error is shown.
    }
    setConfirming(null);
  }

  return {
    select: (tier, action) => void select(tier, action),
    pendingTier,
    confirming,
    confirm,
    dismiss: () => setConfirming(null),
    confirmBusy: change.loading,
    error: checkout.error ?? change.error ?? null,
    changed: change.data?.changePlan ?? null,
  };
}
