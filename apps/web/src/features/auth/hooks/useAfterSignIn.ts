import { useApolloClient } from '@apollo/client/react';
import { useNavigate, useSearchParams } from 'react-router';
import type { PlanTier } from '../../../gql/graphql.js';
import { useStartPlan } from '../../billing/index.js';

/** Only in-app paths are honoured, so `?next=` cannot send people to another site. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

const PAID_TIERS: readonly string[] = ['PRO', 'SCALE'];

/** `?plan=PRO`: a paid plan picked on the pricing page before signing up or in; anything else is ignored. */
export function chosenPlanOf(value: string | null): PlanTier | null {
  return value !== null && PAID_TIERS.includes(value) ? (value as PlanTier) : null;
}

/**
 * After sign-in or sign-up: drop anonymous cache entries, then go straight into the checkout of the
 * plan picked before (`?plan=`), or where the visitor was headed.
 */
export function useAfterSignIn() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { start, busyTier } = useStartPlan();
  const plan = chosenPlanOf(params.get('plan'));
  const afterSignIn = async () => {
    await client.resetStore();
    if (plan) return start(plan);
    await navigate(safeNextPath(params.get('next')), { replace: true });
  };
  return Object.assign(afterSignIn, { startingCheckout: busyTier !== null });
}
