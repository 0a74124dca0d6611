import { isPaidPlanTier, paidPlans, planOf, type PaidPlanTier } from '@aa/plans';
import type { Clock } from '../../../clock.js';
import type { Orm } from '../../../db/orm.js';
import type { AccountsService, Principal } from '../../accounts/index.js';
import { BillingError } from '../billing.errors.js';
import { accessOf, ENDED_STATUSES } from '../subscription-access.js';

export interface BillingOverview {
  monthlyRecurringRevenueCents: number;
  activeSubscribers: number;
  subscribers: Array<{ planTier: PaidPlanTier; count: number }>;
  churnedLast30Days: number;
}

interface LiveRow {
  plan_tier: PaidPlanTier;
  status: string;
  past_due_since: Date | string | null;
  current_period_end: Date | string;
  cancel_at_period_end: boolean;
  cancel_at: Date | string | null;
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
    const live = await em.execute<LiveRow[]>(
      `select plan_tier, status, past_due_since, current_period_end, cancel_at_period_end, cancel_at
       from billing_subscription where status not in (${ENDED_STATUSES.map(() => '?').join(', ')})`,
      [...ENDED_STATUSES],
    );
    const granting = live.filter(
      (row) => accessOf(subjectOf(row), { now, graceDays: this.graceDays, hasCustomer: true }).grantsPlan,
    );
    const subscribers = paidPlans().flatMap(({ tier }) =>
      isPaidPlanTier(tier) ? [{ planTier: tier, count: granting.filter((row) => row.plan_tier === tier).length }] : [],
    );
    const monthlyRecurringRevenueCents = granting.reduce(
      (sum, row) => sum + planOf(row.plan_tier).priceMonthlyCents,
      0,
    );
    // Churn is a subscriber leaving: a cancellation, not a checkout that never completed
    // (incomplete_expired), nor the duplicate billing cancelled while the organization stayed.
    const [churned] = await em.execute<Array<{ count: string | number }>>(
      `select count(*) as count from billing_subscription s
       where s.status = 'canceled' and s.ended_at >= ?
         and not exists (select 1 from billing_incident i
                         where i.kind = 'DUPLICATE_SUBSCRIPTION' and i.stripe_subscription_id = s.stripe_subscription_id)`,
      [new Date(now.getTime() - CHURN_WINDOW_DAYS * DAY_MS)],
    );
    return {
      monthlyRecurringRevenueCents,
      activeSubscribers: granting.length,
      subscribers,
      churnedLast30Days: Number(churned?.count ?? 0),
    };
  }
}

function subjectOf(row: LiveRow) {
  return {
    status: row.status,
    pastDueSince: row.past_due_since === null ? null : new Date(row.past_due_since),
    periodEnd: new Date(row.current_period_end),
    cancelAtPeriodEnd: row.cancel_at_period_end,
    cancelAt: row.cancel_at === null ? null : new Date(row.cancel_at),
    openInvoiceUrl: null,
  };
}
