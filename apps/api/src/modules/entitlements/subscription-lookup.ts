import type { PlanTier } from '@aa/plans';
import { accessOf, type BillingAction, type SubscriptionAccess } from '../billing/subscription-access.js';
import type { PlanChangeFields } from './plan-change.types.js';

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

/** A subscription whatever its status, with what that status means for the organization (billing's rules). */
export interface SubscriptionState extends ActiveSubscription, PlanChangeFields {
  access: SubscriptionAccess;
  grantsPlan: boolean;
  cancelAt: Date | null;
  graceEndsAt: Date | null;
  openInvoiceUrl: string | null;
  actions: BillingAction[];
}

export interface BillingAccountState {
  hasCustomer: boolean;
  /** No live subscription: only ended ones, or none. */
  canCheckout: boolean;
  /** The latest subscription whatever its status; null if the organization never had one. */
  subscription: SubscriptionState | null;
}

/** What the API shows of an organization's billing; billing implements it. */
export interface BillingAccountLookup {
  billingAccount(organizationId: string): Promise<BillingAccountState>;
}

/** Until billing exists every organization is on FREE. */
export const noSubscriptions: SubscriptionLookup = {
  activeSubscription: () => Promise.resolve(null),
};

const NO_PLAN_CHANGE: PlanChangeFields = { scheduledTier: null, scheduledAt: null, pendingTier: null, pendingInvoiceUrl: null, pendingExpiresAt: null };

/**
 * The billing account a lookup that only knows the plan implies (a test or bench putting organizations
 * on a plan): its active subscription is paid, and there is no Stripe customer behind it.
 */
export function accountsOfPlanLookup(lookup: SubscriptionLookup, now: () => Date): BillingAccountLookup {
  return {
    async billingAccount(organizationId) {
      const active = await lookup.activeSubscription(organizationId);
      if (!active) return { hasCustomer: false, canCheckout: true, subscription: null };
      const subject = { ...active, pastDueSince: null, cancelAt: null, openInvoiceUrl: null };
      const view = accessOf(subject, { now: now(), graceDays: 0, hasCustomer: false });
      return { hasCustomer: false, canCheckout: false, subscription: { ...active, ...NO_PLAN_CHANGE, ...view, openInvoiceUrl: null } };
    },
  };
}
