import type { PlanLimits, UsageMetric } from '@aa/plans';
import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import type { Entitlements } from './entitlements.service.js';
import { dayOfPeriod, usageHistory, type UsageDayData } from './usage-history.js';
import { quotaExpression, quotaParams, quotaRefusal, UsageStore, type CounterKey, type DayKey } from './usage.store.js';
import { PlanLimitExceededError } from './usage.errors.js';

/** Units taken from a period's quota; handed back by `release` when the metered work fails. */
export interface Reservation {
  organizationId: string;
  metric: UsageMetric;
  periodStart: Date;
  /** The day of the period (0-based) the units were taken on, so release returns them to that day. */
  day: number;
  cost: number;
}

/**
 * Units to take inside the metered work's own statement: the work embeds the call that takes them, so
 * they commit with its rows or are undone with them, and the counter row is locked only inside
 * PostgreSQL, never across a client round trip (issue 12).
 */
export interface PendingReservation {
  /**
   * Runs `statement` with `quota`, the SQL expression taking the units (its parameters, to append to
   * the statement's, numbered from $`first`); refused by the quota, the statement fails as a whole
   * and this throws PlanLimitExceededError. Any other error passes unchanged.
   */
  takeWith<T>(first: number, statement: (quota: string, params: unknown[]) => Promise<T>): Promise<T>;
  readonly taken: boolean;
  /**
   * Equal for reservations of the same counter, day, cost and limit: only those may be taken together
   * (takeTogether), since one expression takes their units under one limit.
   */
  readonly sharedWith: string;
}

/**
 * Takes the units of several pending reservations (equal `sharedWith`) in one expression, as takeWith
 * does for one: n calls of one organization cost one statement and one lock of its counter row. Refused,
 * none is taken and this throws PlanLimitExceededError for the whole sum: the caller cannot tell which
 * of them would have fitted, so it retries them one by one if it needs to know.
 */
export function takeTogether<T>(
  reservations: readonly PendingReservation[],
  first: number,
  statement: (quota: string, params: unknown[]) => Promise<T>,
): Promise<T> {
  return PendingUnits.takeAll(reservations, first, statement);
}

class PendingUnits implements PendingReservation {
  #taken = false;

  constructor(
    private readonly key: DayKey,
    private readonly cost: number,
    private readonly limit: number,
    private readonly exceeded: (used: number) => PlanLimitExceededError,
  ) {}

  get sharedWith(): string {
    const { organizationId, metric, periodStart, day } = this.key;
    return [organizationId, metric, periodStart.getTime(), day, this.cost, this.limit].join(' ');
  }

  get taken(): boolean {
    return this.#taken;
  }

  takeWith<T>(first: number, statement: (quota: string, params: unknown[]) => Promise<T>): Promise<T> {
    return PendingUnits.takeAll([this], first, statement);
  }

  static async takeAll<T>(
    reservations: readonly PendingReservation[],
    first: number,
    statement: (quota: string, params: unknown[]) => Promise<T>,
  ): Promise<T> {
    const all = reservations.map((reservation) => {
      if (!(reservation instanceof PendingUnits)) throw new Error('Only UsageService.pending reservations are taken');
      if (reservation.#taken) throw new Error('A pending reservation is taken once');
      return reservation;
    });
    const [one] = all;
    if (!one) throw new Error('takeTogether needs at least one reservation');
    if (all.some((reservation) => reservation.sharedWith !== one.sharedWith))
      throw new Error('Reservations of different counters, days, costs or limits are taken apart');
    let result;
    try {
      result = await statement(quotaExpression(first), quotaParams(one.key, one.cost * all.length, one.limit));
    } catch (error) {
      const refused = quotaRefusal(error);
      throw refused ? one.exceeded(refused.used) : error;
    }
    for (const reservation of all) reservation.#taken = true;
    return result;
  }
}

export interface UsageMeterData {
  metric: UsageMetric;
  used: number;
  limit: number;
  remaining: number;
  periodStart: Date;
  periodEnd: Date;
  /** Every day of the period up to today, zeros included. */
  daily: UsageDayData[];
  projectedUsed: number;
  projectedToExceedOn: string | null;
}

const LIMIT_OF_METRIC: Record<UsageMetric, (limits: PlanLimits) => number> = {
  ATTRIBUTION_RUNS: (limits) => limits.attributionRuns,
};

export class UsageService {
  readonly #store: UsageStore;

  constructor(
    orm: Orm,
    private readonly upgradeUrl: string,
    private readonly clock: Clock,
  ) {
    this.#store = new UsageStore(orm);
  }

  /** Takes `cost` units of the current period's quota or throws PlanLimitExceededError. */
  async reserve(
    organizationId: string,
    entitlements: Entitlements,
    metric: UsageMetric,
    cost: number,
  ): Promise<Reservation> {
    const { key, limit } = this.#counter(organizationId, entitlements, metric);
    const reserved = await this.#store.reserve(key, cost, limit);
    if (!reserved.taken) throw this.#exceeded(entitlements, key, limit, reserved.used);
    return { ...key, cost };
  }

  /** The same units, taken later within the metered work's own statement (see PendingReservation). */
  pending(organizationId: string, entitlements: Entitlements, metric: UsageMetric, cost: number): PendingReservation {
    const { key, limit } = this.#counter(organizationId, entitlements, metric);
    return new PendingUnits(key, cost, limit, (used) => this.#exceeded(entitlements, key, limit, used));
  }

  async release(reservation: Reservation): Promise<void> {
    await this.#store.release(reservation, reservation.cost);
  }

  async meter(organizationId: string, { period, limits }: Entitlements, metric: UsageMetric): Promise<UsageMeterData> {
    const limit = LIMIT_OF_METRIC[metric](limits);
    const { used, daily } = await this.#store.usedDaily({ organizationId, metric, periodStart: period.start });
    return {
      metric,
      used,
      limit,
      remaining: Math.max(limit - used, 0),
      periodStart: period.start,
      periodEnd: period.end,
      ...usageHistory(period, this.clock.now(), used, limit, daily),
    };
  }

  #counter(
    organizationId: string,
    { period, limits }: Entitlements,
    metric: UsageMetric,
  ): { key: DayKey; limit: number } {
    const day = dayOfPeriod(period.start, this.clock.now());
    return { key: { organizationId, metric, periodStart: period.start, day }, limit: LIMIT_OF_METRIC[metric](limits) };
  }

  #exceeded({ tier }: Entitlements, { metric }: CounterKey, limit: number, used: number): PlanLimitExceededError {
    return new PlanLimitExceededError({ metric, used, limit, plan: tier }, this.upgradeUrl);
  }
}
