import type { PlanTier } from '@aa/plans';
import type { PlanChangeFields } from './plan-change.types.js';

/**
 * How a subscription's status affects the organization: the port's words, which billing's rules
 * (billing/subscription-access.ts, the one reader of Stripe statuses) answer in.
 */
export const SUBSCRIPTION_ACCESS = ['PAID', 'GRACE', 'LAPSED', 'ENDED'] as const;
export type SubscriptionAccess = (typeof SUBSCRIPTION_ACCESS)[number];

/** What the signed-in admin can do about billing right now. */
export const BILLING_ACTIONS = [
  'PAY_INVOICE',
  'UPDATE_PAYMENT_METHOD',
  'RESUBSCRIBE',
  'CHANGE_PLAN',
  'CANCEL',
  'RESUME',
  'UNDO_SCHEDULED_CHANGE',
  'MANAGE_BILLING',
] as const;
export type BillingAction = (typeof BILLING_ACTIONS)[number];

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
