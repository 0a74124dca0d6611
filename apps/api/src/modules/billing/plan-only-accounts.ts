import type { BillingAccountLookup, PlanChangeFields, SubscriptionLookup } from '../entitlements/index.js';
import { accessOf } from './subscription-access.js';

const NO_PLAN_CHANGE: PlanChangeFields = {
  scheduledTier: null,
  scheduledAt: null,
  pendingTier: null,
  pendingInvoiceUrl: null,
  pendingExpiresAt: null,
};

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
      return {
        hasCustomer: false,
        canCheckout: false,
        subscription: { ...active, ...NO_PLAN_CHANGE, ...view, openInvoiceUrl: null },
      };
    },
  };
}
