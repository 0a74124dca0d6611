import type { UsageMetric } from '@aa/plans';
import type { Orm } from '../../db/orm.js';
import { pgQuery } from '../../db/sql.js';

/**
 * The quota rule is one PostgreSQL function (Migration20261203070000QuotaFunction): a first reservation
 * inserts the row only if the cost fits, an existing row is only incremented while used + cost stays
 * within the limit, and the units are counted on their day too. Refused, it raises this SQLSTATE with
 * the used count in DETAIL, so a caller's statement that embeds it (trackJourney's) is undone whole.
 */
export const QUOTA_REFUSED = 'AAQ01';

/** The call taking units, its six parameters numbered from `$first` (in the order of quotaParams). */
export function quotaExpression(first: number): string {
  const [org, metric, period, day, cost, limit] = Array.from({ length: 6 }, (_, i) => `$${first + i}`);
  return `take_usage_units(${org}::uuid, ${metric}::text, ${period}::timestamptz, ${day}::int, ${cost}::int, ${limit}::int)`;
}

export function quotaParams(
  { organizationId, metric, periodStart, day }: DayKey,
  cost: number,
  limit: number,
): unknown[] {
  return [organizationId, metric, periodStart, day + 1, cost, limit];
}

/** The used count a refusal by quotaExpression carries; null for any other error. */
export function quotaRefusal(error: unknown): { used: number } | null {
  const { code, detail } = (error ?? {}) as { code?: unknown; detail?: unknown };
  return code === QUOTA_REFUSED ? { used: Number(detail) } : null;
}

/** Taken, the units used with them; refused, the units already used (nothing was taken). */
export interface UnitsTaken {
  taken: boolean;
  used: number;
}

/** Hands the units back to the total and to the day they were taken on. */
const RELEASE_SQL = `
  update usage_counter set used = greatest(used - $1::int, 0),
    daily[$5::int] = greatest(coalesce(daily[$5::int], 0) - $1::int, 0)
  where organization_id = $2 and metric = $3 and period_start = $4`;

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

  /** Refused, taking nothing, when the cost does not fit within `limit`. */
  async reserve(key: DayKey, cost: number, limit: number): Promise<UnitsTaken> {
    try {
      const [row] = await pgQuery<{ used: number }>(
        this.orm,
        `select ${quotaExpression(1)} as used`,
        quotaParams(key, cost, limit),
      );
      return { taken: true, used: Number(row?.used) };
    } catch (error) {
      const refused = quotaRefusal(error);
      if (!refused) throw error;
      return { taken: false, ...refused };
    }
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
