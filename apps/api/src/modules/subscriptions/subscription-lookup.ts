import type { PlanTier } from '@aa/plans';

/** An organization's subscription as far as plans and metering need it. */
export interface ActiveSubscription {
  id: string;
  stripeSubscriptionId: string;
  tier: PlanTier;
  status: string;
  periodStart: Date;
  periodEnd: Date;
  cancelAtPeriodEnd: boolean;
}

/**
 * The seam between billing and everything that depends on the plan. Billing provides the real
 * lookup (subscriptions kept in sync with Stripe); it returns null when the organization is on FREE,
 * including when a paid subscription has lapsed past its grace period.
 */
export interface SubscriptionLookup {
  activeSubscription(organizationId: string): Promise<ActiveSubscription | null>;
}

/** Until billing exists every organization is on FREE. */
export const noSubscriptions: SubscriptionLookup = {
  activeSubscription: () => Promise.resolve(null),
};
