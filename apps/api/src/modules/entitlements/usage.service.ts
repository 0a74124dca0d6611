import type { PlanLimits, UsageMetric } from '@aa/plans';
import type { Orm } from '../../db/orm.js';
import type { Entitlements } from './entitlements.service.js';
import { UsageStore } from './usage.store.js';
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

export class UsageService {
  readonly #store: UsageStore;

  constructor(
    orm: Orm,
    private readonly upgradeUrl: string,
  ) {
    this.#store = new UsageStore(orm);
  }

  /** Takes `cost` units of the current period's quota or throws PlanLimitExceededError. */
  async reserve(
    organizationId: string,
    { tier, period, limits }: Entitlements,
    metric: UsageMetric,
    cost: number,
  ): Promise<Reservation> {
    const limit = LIMIT_OF_METRIC[metric](limits);
    if (!(await this.#store.reserve({ organizationId, metric, periodStart: period.start }, cost, limit))) {
      const used = await this.#store.used(organizationId, metric, period.start);
      throw new PlanLimitExceededError({ metric, used, limit, plan: tier }, this.upgradeUrl);
    }
    return { organizationId, metric, periodStart: period.start, cost };
  }

  async release(reservation: Reservation): Promise<void> {
    await this.#store.release(reservation, reservation.cost);
  }

  async meter(organizationId: string, { period, limits }: Entitlements, metric: UsageMetric): Promise<UsageMeterData> {
    const limit = LIMIT_OF_METRIC[metric](limits);
    const used = await this.#store.used(organizationId, metric, period.start);
    return {
      metric,
      used,
      limit,
      remaining: Math.max(limit - used, 0),
      periodStart: period.start,
      periodEnd: period.end,
    };
  }
}
