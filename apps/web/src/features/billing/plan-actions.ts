// What a plan card offers, from the viewer's situation. Pure: unit-tested.
import type { BillingAccountQuery, BillingSubscriptionFieldsFragment, PlanTier } from '../../gql/graphql.js';

export type PlanAction =
  | { readonly kind: 'sign-up' }
  | { readonly kind: 'current' }
  | { readonly kind: 'checkout'; readonly label: string }
  | { readonly kind: 'change-plan'; readonly label: string }
  /** A subscription that is neither paid nor ended: what is owed is settled first (Checkout would be refused). */
  | { readonly kind: 'payment-needed' };

export interface ViewerBilling {
  readonly currentTier: PlanTier;
  /** The API allows a new Checkout: no live subscription. */
  readonly canCheckout: boolean;
  /** The API allows changing the live subscription instead of a second Checkout. */
  readonly canChangePlan: boolean;
}

/** The viewer's billing as the API states it; `account` is the billingAccount query's answer. */
export function viewerBillingOf(
  currentTier: PlanTier,
  account: BillingAccountQuery['billingAccount'] | undefined,
): ViewerBilling {
  return {
    currentTier,
    canCheckout: account?.canCheckout ?? false,
    canChangePlan: account?.subscription?.actions.includes('CHANGE_PLAN') ?? false,
  };
}

/** `order` lists tiers cheapest first, as the `plans` query returns them. */
export function planActionFor(tier: PlanTier, viewer: ViewerBilling | null, order: readonly PlanTier[]): PlanAction {
  if (!viewer) return { kind: 'sign-up' };
  if (tier === viewer.currentTier) return { kind: 'current' };
  const upgrade = order.indexOf(tier) > order.indexOf(viewer.currentTier);
  const label = upgrade ? 'Upgrade' : 'Downgrade';
  if (viewer.canChangePlan) return { kind: 'change-plan', label };
  if (viewer.canCheckout) return { kind: 'checkout', label };
  return { kind: 'payment-needed' };
}

/** What a plan card's button runs (see hooks/usePlanSelection.ts). */
export interface PlanSelection {
  readonly select: (tier: PlanTier, action: PlanAction) => void;
  readonly pendingTier: PlanTier | null;
  readonly error: unknown;
  readonly changed: BillingSubscriptionFieldsFragment | null;
}
