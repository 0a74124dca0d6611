import type { PlanTier } from '@aa/plans';
import type { Clock } from '../../clock.js';
import type { ActiveSubscription, SubscriptionLookup } from '../subscriptions/subscription-lookup.js';
import { calendarMonthUtc, type BillingPeriod } from './billing-period.js';

export interface OrganizationPlan {
  tier: PlanTier;
  period: BillingPeriod;
  subscription: ActiveSubscription | null;
}

/** Which plan an organization is on right now, and the billing period its usage counts in. */
export class OrganizationPlanService {
  constructor(
    private readonly subscriptions: SubscriptionLookup,
    private readonly clock: Clock,
  ) {}

  async current(organizationId: string): Promise<OrganizationPlan> {
    const subscription = await this.subscriptions.activeSubscription(organizationId);
    if (subscription) {
      return { tier: subscription.tier, period: { start: subscription.periodStart, end: subscription.periodEnd }, subscription };
    }
    return { tier: 'FREE', period: calendarMonthUtc(this.clock.now()), subscription: null };
  }
}
