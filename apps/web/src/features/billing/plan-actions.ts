// What a plan card offers, from the viewer's situation. Pure: unit-tested.
import type { BillingAccountQuery, BillingSubscriptionFieldsFragment, PlanTier } from '../../gql/graphql.js';

export type PlanAction =
  | { readonly kind: 'sign-up' }
  | { readonly kind: 'current' }
  | { readonly kind: 'checkout'; readonly label: PlanChangeLabel }
  | { readonly kind: 'change-plan'; readonly label: PlanChangeLabel }
  /** The plan a scheduled downgrade or cancellation moves to, on `at`. */
  | { readonly kind: 'scheduled'; readonly at: string }
  /** A subscription that is neither paid nor ended: what is owed is settled first (Checkout would be refused). */
  | { readonly kind: 'payment-needed' };

/** "Upgrade to Scale", "Downgrade to Pro"; "Resume Pro" takes back a cancellation, "Keep Scale" a scheduled downgrade. */
export type PlanChangeLabel = 'Upgrade' | 'Downgrade' | 'Resume' | 'Keep';

export interface ViewerBilling {
  readonly currentTier: PlanTier;
  /** The API allows a new Checkout: no live subscription. */
  readonly canCheckout: boolean;
  /** The API allows changing the live subscription instead of a second Checkout. */
  readonly canChangePlan: boolean;
  /** Where the subscription is going at the period end: a scheduled downgrade, or FREE when it is cancelled. */
  readonly scheduled: { readonly tier: PlanTier; readonly at: string } | null;
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
    scheduled: scheduledOf(account?.subscription ?? null),
  };
}

function scheduledOf(subscription: BillingSubscriptionFieldsFragment | null): ViewerBilling['scheduled'] {
  if (!subscription || subscription.access !== 'PAID') return null;
  if (subscription.scheduledChange) {
    return { tier: subscription.scheduledChange.planTier, at: subscription.scheduledChange.effectiveAt };
  }
  return subscription.cancelAt ? { tier: 'FREE', at: subscription.cancelAt } : null;
}

/** `order` lists tiers cheapest first, as the `plans` query returns them. */
export function planActionFor(tier: PlanTier, viewer: ViewerBilling | null, order: readonly PlanTier[]): PlanAction {
  if (!viewer) return { kind: 'sign-up' };
  const { scheduled } = viewer;
  if (tier === viewer.currentTier) {
    if (!scheduled || !viewer.canChangePlan) return { kind: 'current' };
    return { kind: 'change-plan', label: scheduled.tier === 'FREE' ? 'Resume' : 'Keep' };
  }
  if (scheduled?.tier === tier) return { kind: 'scheduled', at: scheduled.at };
  const upgrade = order.indexOf(tier) > order.indexOf(viewer.currentTier);
  const label = upgrade ? 'Upgrade' : 'Downgrade';
  if (viewer.canChangePlan) return { kind: 'change-plan', label };
  if (viewer.canCheckout) return { kind: 'checkout', label };
  return { kind: 'payment-needed' };
}

/** "Upgrade to Scale", "Resume Pro": a change-plan button's words, and its confirmation's title. */
export function planChangeText(label: PlanChangeLabel, planName: string): string {
  return label === 'Upgrade' || label === 'Downgrade' ? `${label} to ${planName}` : `${label} ${planName}`;
}

/** What a plan card's button runs (see hooks/usePlanSelection.ts). */
export interface PlanSelection {
  readonly select: (tier: PlanTier, action: PlanAction) => void;
  readonly pendingTier: PlanTier | null;
  /** A plan change waiting for the admin to confirm Stripe's preview of it. */
  readonly confirming: { readonly tier: PlanTier; readonly label: PlanChangeLabel } | null;
  readonly confirm: () => Promise<void>;
  readonly dismiss: () => void;
  readonly confirmBusy: boolean;
  readonly error: unknown;
  readonly changed: BillingSubscriptionFieldsFragment | null;
}
