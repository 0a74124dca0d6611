import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { BillingAccountDocument, CurrentPlanDocument, PlansDocument, type PlanTier } from '../../../gql/graphql.js';
import { planActionFor, viewerBillingOf } from '../plan-actions.js';
import { usePlanSelection } from './usePlanSelection.js';

export interface StartPlan {
  /** Starts `tier`'s Stripe Checkout at once when the organization has no live subscription. */
  readonly start: (tier: PlanTier) => void;
  readonly busyTier: PlanTier | null;
  readonly error: unknown;
}

/**
 * One click from an upsell, a usage banner or sign-up to a plan's checkout. The billing state is read
 * only when clicked (banners sit on every page and should cost no query). A live subscription changes
 * plan after Stripe's preview, so that case (and anything unexpected, such as a member who may not
 * manage billing) goes to the pricing page with the plan picked, which opens that preview.
 */
export function useStartPlan(): StartPlan {
  const client = useApolloClient();
  const navigate = useNavigate();
  const selection = usePlanSelection();
  const [preparing, setPreparing] = useState<PlanTier | null>(null);

  async function start(tier: PlanTier) {
    setPreparing(tier);
    try {
      const [plans, plan, account] = await Promise.all([
        client.query({ query: PlansDocument }),
        client.query({ query: CurrentPlanDocument, fetchPolicy: 'network-only' }),
        client.query({ query: BillingAccountDocument, fetchPolicy: 'network-only' }),
      ]);
      if (plans.data && plan.data && account.data) {
        const billing = viewerBillingOf(plan.data.plan.tier, account.data.billingAccount);
        const action = planActionFor(
          tier,
          billing,
          plans.data.plans.map((offer) => offer.tier),
        );
        // Checkout keeps the button busy until the browser leaves for Stripe.
        if (action.kind === 'checkout') return selection.select(tier, action);
      }
    } catch {
      // The pricing page shows what is wrong with the billing account.
    }
    setPreparing(null);
    await navigate(`/pricing?plan=${tier}`);
  }

  return {
    start: (tier) => void start(tier),
    busyTier: selection.error ? null : (selection.pendingTier ?? preparing),
    error: selection.error,
  };
}
