import type { UsageMetric } from '@aa/plans';
import type { Orm } from '../../db/orm.js';
import { sql, sqlOne } from '../../db/sql.js';

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

/** usage_counter: units used per organization, metric and billing period. */
export class UsageStore {
  constructor(private readonly orm: Orm) {}

  /** False, taking nothing, when the cost does not fit within `limit`. */
  async reserve({ organizationId, metric, periodStart }: CounterKey, cost: number, limit: number): Promise<boolean> {
    const rows = await sql<{ used: number }>(this.orm, RESERVE_SQL, [
      organizationId,
      metric,
      periodStart,
      cost,
      cost,
      limit,
      limit,
    ]);
    return rows.length > 0;
  }

  /**
   * The metered work failed, often because the database connection was lost (a failover, a killed
   * backend); this statement may meet a dead pooled connection too, so it tries again on another
   * one rather than leave units charged for nothing.
   */
  async release({ organizationId, metric, periodStart }: CounterKey, cost: number): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await sql(this.orm, RELEASE_SQL, [cost, organizationId, metric, periodStart]);
        return;
      } catch (error) {
        if (attempt >= RELEASE_ATTEMPTS || !isConnectionLost(error)) throw error;
      }
    }
  }

  async used(organizationId: string, metric: UsageMetric, periodStart: Date): Promise<number> {
    const row = await sqlOne<{ used: number }>(this.orm, USED_SQL, [organizationId, metric, periodStart]);
    return Number(row?.used ?? 0);
  }
}
