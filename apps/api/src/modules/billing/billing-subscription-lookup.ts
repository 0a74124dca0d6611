import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import type { ActiveSubscription, SubscriptionLookup } from '../subscriptions/subscription-lookup.js';
import type { SubscriptionRow, SubscriptionStore } from './subscription.store.js';

const DAY_MS = 86_400_000;
const PAID_STATUSES = new Set(['active', 'trialing']);

/**
 * The organization's paid subscription as Stripe last told us: active or trialing, or past_due
 * within the grace period. Anything else (canceled, unpaid, incomplete, grace over) is FREE.
 */
export class BillingSubscriptionLookup implements SubscriptionLookup {
  constructor(
    private readonly orm: Orm,
    private readonly store: SubscriptionStore,
    private readonly clock: Clock,
    private readonly graceDays: number,
  ) {}

  async activeSubscription(organizationId: string): Promise<ActiveSubscription | null> {
    const row = await this.store.liveOf(this.orm.em.fork(), organizationId);
    if (!row || !this.#grantsPaidPlan(row)) return null;
    return {
      id: row.id,
      stripeSubscriptionId: row.stripeSubscriptionId,
      tier: row.tier,
      status: row.status,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      cancelAtPeriodEnd: row.cancelAtPeriodEnd,
    };
  }

  #grantsPaidPlan(row: SubscriptionRow): boolean {
    if (PAID_STATUSES.has(row.status)) return true;
    if (row.status !== 'past_due' || !row.pastDueSince) return false;
    return this.clock.now().getTime() < row.pastDueSince.getTime() + this.graceDays * DAY_MS;
  }
}
