// What a plan card offers, from the viewer's situation. Pure: unit-tested.
import type { PlanTier } from '../../gql/graphql.js';

export type PlanAction =
  | { readonly kind: 'sign-up' }
  | { readonly kind: 'current' }
  | { readonly kind: 'checkout'; readonly label: string }
  | { readonly kind: 'change-plan'; readonly label: string };

export interface ViewerBilling {
  readonly currentTier: PlanTier;
  /** A live paid subscription: moving between plans changes it instead of a second checkout. */
  readonly subscribed: boolean;
}

/** `order` lists tiers cheapest first, as the `plans` query returns them. */
export function planActionFor(tier: PlanTier, viewer: ViewerBilling | null, order: readonly PlanTier[]): PlanAction {
  if (!viewer) return { kind: 'sign-up' };
  if (tier === viewer.currentTier) return { kind: 'current' };
  const upgrade = order.indexOf(tier) > order.indexOf(viewer.currentTier);
  const label = upgrade ? 'Upgrade' : 'Downgrade';
  if (viewer.subscribed) return { kind: 'change-plan', label };
  // Without a subscription the only way onto a paid plan is Checkout; FREE is already the floor.
  return { kind: 'checkout', label };
}

const LIVE_STATUSES = new Set(['active', 'trialing', 'past_due']);

export function isLiveSubscription(status: string | null | undefined): boolean {
  return status != null && LIVE_STATUSES.has(status);
}

/** What a plan card's button runs (see hooks/usePlanSelection.ts). */
export interface PlanSelection {
  readonly select: (tier: PlanTier, action: PlanAction) => void;
  readonly pendingTier: PlanTier | null;
  readonly error: unknown;
  readonly changed: { readonly planTier: PlanTier; readonly cancelAtPeriodEnd: boolean; readonly currentPeriodEnd: string } | null;
}
