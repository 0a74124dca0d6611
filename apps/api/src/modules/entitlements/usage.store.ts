import type { UsageMetric } from '@aa/plans';
import type { Orm } from '../../db/orm.js';
import { pgQuery, type PgClient } from '../../db/sql.js';

/*
 * One statement decides: a first reservation inserts the row only if the cost fits, and an existing
 * row is only incremented while used + cost stays within the limit. The row lock taken by
 * ON CONFLICT serialises concurrent reservations, so no interleaving can overshoot.
 * The same statement counts the units on the period's day ($6, 1-based; see dayOfPeriod): PostgreSQL
 * extends the array as needed, filling skipped days with NULL, which readers take as 0.
 */
const RESERVE_SQL = `
  insert into usage_counter (organization_id, metric, period_start, used, daily)
  select $1, $2, $3, $4::int, array_fill(0, array[$6::int - 1]) || $4::int where $4::int <= $5::int
  on conflict (organization_id, metric, period_start)
  do update set used = usage_counter.used + excluded.used,
    daily[$6::int] = coalesce(usage_counter.daily[$6::int], 0) + excluded.used
  where usage_counter.used + excluded.used <= $5::int
  returning used`;

/** Hands the units back to the total and to the day they were taken on. */
const RELEASE_SQL = `
  update usage_counter set used = greatest(used - $1::int, 0),
    daily[$5::int] = greatest(coalesce(daily[$5::int], 0) - $1::int, 0)
  where organization_id = $2 and metric = $3 and period_start = $4`;

const USED_SQL = `
  select used from usage_counter where organization_id = $1 and metric = $2 and period_start = $3`;

const DAILY_SQL = `
  select used, daily from usage_counter where organization_id = $1 and metric = $2 and period_start = $3`;

const RELEASE_ATTEMPTS = 3;

/** PostgreSQL ended the session (57P01-57P03, class 08) or the socket died under the driver. */
function isConnectionLost(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (/^57P0[1-3]$/.test(code) || code.startsWith('08') || code === 'ECONNRESET'))
    return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|terminating connection|Client has encountered a connection error/i.test(message)
  );
}

/** What a reservation takes from one organization's counter of one metric and period. */
export interface CounterKey {
  organizationId: string;
  metric: UsageMetric;
  periodStart: Date;
}

/** A counter and the day of its period (0 = the period's first UTC day) units are taken on. */
export interface DayKey extends CounterKey {
  day: number;
}

/** usage_counter: units used per organization, metric and billing period. */
export class UsageStore {
  constructor(private readonly orm: Orm) {}

  /** False, taking nothing, when the cost does not fit within `limit`. */
  async reserve(key: DayKey, cost: number, limit: number): Promise<boolean> {
    return (await pgQuery(this.orm, RESERVE_SQL, reserveParams(key, cost, limit))).length > 0;
  }

  /**
   * The same, on the caller's transaction: its rollback returns the units, and the counter row stays
   * locked until it ends, so the caller's remaining work there must be short.
   */
  async reserveOn(client: PgClient, key: DayKey, cost: number, limit: number): Promise<boolean> {
    return ((await client.query(RESERVE_SQL, reserveParams(key, cost, limit))).rowCount ?? 0) > 0;
  }

  /**
   * The metered work failed, often because the database connection was lost (a failover, a killed
   * backend); this statement may meet a dead pooled connection too, so it tries again on another
   * one rather than leave units charged for nothing.
   */
  async release({ organizationId, metric, periodStart, day }: DayKey, cost: number): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await pgQuery(this.orm, RELEASE_SQL, [cost, organizationId, metric, periodStart, day + 1]);
        return;
      } catch (error) {
        if (attempt >= RELEASE_ATTEMPTS || !isConnectionLost(error)) throw error;
      }
    }
  }

  /** Units used so far; given the caller's transaction, as that transaction sees them. */
  async used(key: CounterKey, client?: PgClient): Promise<number> {
    const params = [key.organizationId, key.metric, key.periodStart];
    const rows = client
      ? (await client.query<{ used: number }>(USED_SQL, params)).rows
      : await pgQuery<{ used: number }>(this.orm, USED_SQL, params);
    return Number(rows[0]?.used ?? 0);
  }

  /** Units used so far and per day of the period (index 0 = its first day; missing days are 0). */
  async usedDaily(key: CounterKey): Promise<{ used: number; daily: number[] }> {
    const rows = await pgQuery<{ used: number; daily: (number | null)[] | null }>(this.orm, DAILY_SQL, [
      key.organizationId,
      key.metric,
      key.periodStart,
    ]);
    const row = rows[0];
    return { used: Number(row?.used ?? 0), daily: (row?.daily ?? []).map((units) => Number(units ?? 0)) };
  }
}

function reserveParams({ organizationId, metric, periodStart, day }: DayKey, cost: number, limit: number): unknown[] {
  return [organizationId, metric, periodStart, cost, limit, day + 1];
}
