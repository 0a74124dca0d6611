import { capabilitiesOf, type PlanLimits, type PlanTier } from '@aa/plans';
import type { Clock } from '../../clock.js';
import { calendarMonthUtc, type BillingPeriod } from './billing-period.js';
import type { ActiveSubscription, SubscriptionLookup } from './subscription-lookup.js';

/** What an organization may do right now: its plan, the period its usage counts in, and that plan's limits. */
export interface Entitlements {
  tier: PlanTier;
  period: BillingPeriod;
  limits: PlanLimits;
  subscription: ActiveSubscription | null;
}

/** Reads an organization's entitlements; a request's reader looks each organization up once. */
export interface EntitlementsReader {
  forOrganization(organizationId: string): Promise<Entitlements>;
}

export class EntitlementsService implements EntitlementsReader {
  constructor(
    private readonly subscriptions: SubscriptionLookup,
    private readonly clock: Clock,
  ) {}

  async forOrganization(organizationId: string): Promise<Entitlements> {
    const subscription = await this.subscriptions.activeSubscription(organizationId);
    if (subscription) {
      const period = { start: subscription.periodStart, end: subscription.periodEnd };
      return { tier: subscription.tier, period, limits: capabilitiesOf(subscription.tier), subscription };
    }
    return {
      tier: 'FREE',
      period: calendarMonthUtc(this.clock.now()),
      limits: capabilitiesOf('FREE'),
      subscription: null,
    };
  }

  /**
   * A reader for one request: the first read looks the plan up, later reads (the gate, the quota,
   * the resolver's service) share it, so a metered request sees one plan throughout.
   */
  forRequest(): EntitlementsReader {
    const resolved = new Map<string, Promise<Entitlements>>();
    return {
      forOrganization: (organizationId) => {
        let entitlements = resolved.get(organizationId);
        if (!entitlements) {
          entitlements = this.forOrganization(organizationId);
          resolved.set(organizationId, entitlements);
        }
        return entitlements;
      },
    };
  }
}
