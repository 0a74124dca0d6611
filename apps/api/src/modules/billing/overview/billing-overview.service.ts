import { isPaidPlanTier, paidPlans, planOf, type PaidPlanTier } from '@aa/plans';
import type { Clock } from '../../../clock.js';
import type { Orm } from '../../../db/orm.js';
import type { AccountsService, Principal } from '../../accounts/index.js';
import { BillingError } from '../billing.errors.js';
import { accessOf } from '../subscription-access.js';
import type { SubscriptionStore } from '../subscription.store.js';

export interface BillingOverview {
  monthlyRecurringRevenueCents: number;
  activeSubscribers: number;
  subscribers: Array<{ planTier: PaidPlanTier; count: number }>;
  churnedLast30Days: number;
}

const DAY_MS = 86_400_000;
const CHURN_WINDOW_DAYS = 30;

/**
 * Revenue and subscribers across all organizations, from our database (what Stripe told us last),
 * for the platform's operators. A subscription counts while it grants its plan (subscription-access.ts).
 */
export class BillingOverviewService {
  constructor(
    private readonly orm: Orm,
    private readonly store: SubscriptionStore,
    private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly graceDays: number,
  ) {}

  async overviewFor(principal: Principal): Promise<BillingOverview> {
    const viewer = await this.accounts.viewer(principal);
    if (!this.accounts.isOperator(viewer.user?.email ?? null)) {
      throw new BillingError(
        'OPERATOR_ONLY',
        'The billing overview is for the platform operators named in OPERATOR_EMAILS',
      );
    }
    return this.overview();
  }

  async overview(): Promise<BillingOverview> {
    const em = this.orm.em.fork();
    const now = this.clock.now();
    const live = await this.store.allLive(em);
    const granting = live.filter(
      (row) => accessOf(row, { now, graceDays: this.graceDays, hasCustomer: true }).grantsPlan,
    );
    const subscribers = paidPlans().flatMap(({ tier }) =>
      isPaidPlanTier(tier) ? [{ planTier: tier, count: granting.filter((row) => row.tier === tier).length }] : [],
    );
    const monthlyRecurringRevenueCents = granting.reduce((sum, row) => sum + planOf(row.tier).priceMonthlyCents, 0);
    // Churn is a subscriber leaving: a cancellation, not a checkout that never completed
    // (incomplete_expired), nor the duplicate billing cancelled while the organization stayed.
    const churned = await this.store.churnedSince(em, new Date(now.getTime() - CHURN_WINDOW_DAYS * DAY_MS));
    return {
      monthlyRecurringRevenueCents,
      activeSubscribers: granting.length,
      subscribers,
      churnedLast30Days: churned,
    };
  }
}
