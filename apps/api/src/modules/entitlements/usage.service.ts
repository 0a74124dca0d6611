import type { PlanLimits, UsageMetric } from '@aa/plans';
import type { Orm } from '../../db/orm.js';
import type { Entitlements } from './entitlements.service.js';
import { PlanLimitExceededError } from './usage.errors.js';

/** Units taken from a period's quota; handed back by `release` when the metered work fails. */
export interface Reservation {
  organizationId: string;
  metric: UsageMetric;
  periodStart: Date;
  cost: number;
}

export interface UsageMeterData {
  metric: UsageMetric;
  used: number;
  limit: number;
  remaining: number;
  periodStart: Date;
  periodEnd: Date;
}

const LIMIT_OF_METRIC: Record<UsageMetric, (limits: PlanLimits) => number> = {
  ATTRIBUTION_RUNS: (limits) => limits.attributionRuns,
};

/*
 * One statement decides: a first reservation inserts the row only if the cost fits, and an existing
 * row is only incremented while used + cost stays within the limit. The row lock taken by
 * ON CONFLICT serialises concurrent reservations, so no interleaving can overshoot.
 */
const RESERVE_SQL = `
  insert into usage_counter (organization_id, metric, period_start, used)
  select ?, ?, ?, ? where ? <= ?
  on conflict (organization_id, metric, period_start)
  do update set used = usage_counter.used + excluded.used
  where usage_counter.used + excluded.used <= ?
  returning used`;

const RELEASE_SQL = `
  update usage_counter set used = greatest(used - ?, 0)
  where organization_id = ? and metric = ? and period_start = ?`;

const USED_SQL = `
  select used from usage_counter where organization_id = ? and metric = ? and period_start = ?`;

export class UsageService {
  constructor(
    private readonly orm: Orm,
    private readonly upgradeUrl: string,
  ) {}

  /** Takes `cost` units of the current period's quota or throws PlanLimitExceededError. */
  async reserve(
    organizationId: string,
    { tier, period, limits }: Entitlements,
    metric: UsageMetric,
    cost: number,
  ): Promise<Reservation> {
    const limit = LIMIT_OF_METRIC[metric](limits);
    const rows = await this.#execute(RESERVE_SQL, [organizationId, metric, period.start, cost, cost, limit, limit]);
    if (rows.length === 0) {
      const used = await this.#used(organizationId, metric, period.start);
      throw new PlanLimitExceededError({ metric, used, limit, plan: tier }, this.upgradeUrl);
    }
    return { organizationId, metric, periodStart: period.start, cost };
  }

  async release(reservation: Reservation): Promise<void> {
    await this.#execute(RELEASE_SQL, [
      reservation.cost,
      reservation.organizationId,
      reservation.metric,
      reservation.periodStart,
    ]);
  }

  async meter(organizationId: string, { period, limits }: Entitlements, metric: UsageMetric): Promise<UsageMeterData> {
    const limit = LIMIT_OF_METRIC[metric](limits);
    const used = await this.#used(organizationId, metric, period.start);
    return {
      metric,
      used,
      limit,
      remaining: Math.max(limit - used, 0),
      periodStart: period.start,
      periodEnd: period.end,
    };
  }

  async #used(organizationId: string, metric: UsageMetric, periodStart: Date): Promise<number> {
    const rows = await this.#execute(USED_SQL, [organizationId, metric, periodStart]);
    return Number(rows[0]?.used ?? 0);
  }

  #execute(sql: string, params: unknown[]): Promise<Array<{ used?: number }>> {
    return this.orm.em.getConnection().execute(sql, params, 'all');
  }
}
