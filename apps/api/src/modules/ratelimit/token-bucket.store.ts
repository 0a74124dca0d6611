import type { Orm } from '../../db/orm.js';
import { dateOrNull, sql } from '../../db/sql.js';

/** One bucket to take a request from: `capacity` requests, one more every `emissionMs`. */
export interface BucketTake {
  key: string;
  capacity: number;
  emissionMs: number;
}

/**
 * `grantedTat` when the request was taken; else null, and `currentTat` tells when the bucket has room
 * again (null too for a bucket not reached because one before it refused).
 */
export interface BucketResult {
  key: string;
  grantedTat: Date | null;
  currentTat: Date | null;
}

/**
 * GCRA, the token bucket as one timestamp per key: the bucket's "theoretical arrival time" moves one
 * emission interval forward per request and may run at most capacity − 1 intervals ahead of now.
 * One statement takes the buckets in order: each upsert's WHERE refuses a full bucket under the row
 * lock, so instances sharing the database cannot overdraw it, and a bucket is only taken from when
 * the ones before it were (a refused call costs its organization nothing). The outer select still
 * sees refused rows as they stood, for Retry-After.
 */
// Where the bucket's time stands before this request (excluded.tat is now + one interval): now if it
// lies in the past, and now too if it lies further ahead than a whole bucket, which only a clock set
// back (or a lowered limit) makes: such a bucket starts afresh instead of refusing until the clock
// catches up.
const START = `case
         when b.tat > excluded.tat + (excluded.capacity - 1) * excluded.emission_ms * interval '1 millisecond'
           then excluded.tat - excluded.emission_ms * interval '1 millisecond'
         else greatest(b.tat, excluded.tat - excluded.emission_ms * interval '1 millisecond')
       end`;

function takeSql(buckets: number): string {
  const rows = Array.from({ length: buckets }, (_, i) => `(${i}, ?, ?::timestamptz, ?::float8, ?::integer)`);
  const takes = Array.from(
    { length: buckets },
    (_, i) => `
taken${i} as (
  insert into rate_limit_bucket as b (key, tat, emission_ms, capacity)
  select key, now + emission_ms * interval '1 millisecond', emission_ms, capacity from input
   where position = ${i}${i > 0 ? ` and exists (select 1 from taken${i - 1})` : ''}
  on conflict (key) do update
     set tat = ${START} + excluded.emission_ms * interval '1 millisecond',
         emission_ms = excluded.emission_ms,
         capacity = excluded.capacity
   where ${START} <= excluded.tat + (excluded.capacity - 2) * excluded.emission_ms * interval '1 millisecond'
  returning key, tat
)`,
  );
  const granted = Array.from({ length: buckets }, (_, i) => `select key, tat from taken${i}`).join(' union all ');
  return `
with input (position, key, now, emission_ms, capacity) as (values ${rows.join(', ')}),${takes.join(',')},
granted as (${granted})
select input.key, granted.tat as granted_tat, current.tat as current_tat
from input
left join granted on granted.key = input.key
left join rate_limit_bucket current on current.key = input.key
order by input.position`;
}

// A bucket whose time lies in the past is full, the same as no row: such rows are swept now and then.
const SWEEP_SQL = 'delete from rate_limit_bucket where tat < ?';
const SWEEP_EVERY = 1000;

interface Row {
  key: string;
  granted_tat: string | Date | null;
  current_tat: string | Date | null;
}

export class TokenBucketStore {
  #takesSinceSweep = 0;

  constructor(private readonly orm: Orm) {}

  async take(buckets: readonly BucketTake[], now: Date): Promise<BucketResult[]> {
    const params = buckets.flatMap((bucket) => [bucket.key, now, bucket.emissionMs, bucket.capacity]);
    const rows = await this.#execute<Row>(takeSql(buckets.length), params);
    if (++this.#takesSinceSweep >= SWEEP_EVERY) {
      this.#takesSinceSweep = 0;
      await this.#execute(SWEEP_SQL, [now]);
    }
    return rows.map((row) => ({
      key: row.key,
      grantedTat: dateOrNull(row.granted_tat),
      currentTat: dateOrNull(row.current_tat),
    }));
  }

  #execute<R extends object>(text: string, params: unknown[]): Promise<R[]> {
    return sql<R>(this.orm, text, params);
  }
}
