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

  async release({ organizationId, metric, periodStart }: CounterKey, cost: number): Promise<void> {
    await sql(this.orm, RELEASE_SQL, [cost, organizationId, metric, periodStart]);
  }

  async used(organizationId: string, metric: UsageMetric, periodStart: Date): Promise<number> {
    const row = await sqlOne<{ used: number }>(this.orm, USED_SQL, [organizationId, metric, periodStart]);
    return Number(row?.used ?? 0);
  }
}
