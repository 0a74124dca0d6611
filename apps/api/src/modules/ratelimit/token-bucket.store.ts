import type { Orm } from '../../db/orm.js';
import { dateOrNull, pgQuery } from '../../db/sql.js';

/** One bucket to take `cost` requests from: `capacity` requests, one more every `emissionMs`. */
export interface BucketTake {
  key: string;
  capacity: number;
  emissionMs: number;
  /** Requests taken at once: 1, or a lease that this instance then hands out itself (rate-limit.service.ts). */
  cost: number;
}

/**
 * `grantedTat` when the requests were taken; else null, and `currentTat` tells when the bucket has room
 * again (null too for a bucket not reached because one before it refused).
 */
export interface BucketResult {
  key: string;
  grantedTat: Date | null;
  currentTat: Date | null;
}

/**
 * GCRA, the token bucket as one timestamp per key: the bucket's "theoretical arrival time" moves one
 * emission interval forward per request taken and may run at most `capacity` intervals ahead of now.
 * One statement takes the buckets in order: each upsert's WHERE refuses a bucket without room for the
 * cost under the row lock, so instances sharing the database cannot overdraw it, and a bucket is only
 * taken from when the ones before it were (a refused call costs its organization nothing). The outer
 * select still sees refused rows as they stood, for Retry-After.
 */
// Where the bucket's time stands before this request ($1 is now): now if it lies in the past, and now
// too if it lies further ahead than a whole bucket, which only a clock set back (or a lowered limit)
// makes: such a bucket starts afresh instead of refusing until the clock catches up.
const INTERVAL = `excluded.emission_ms * interval '1 millisecond'`;
const START = `case
         when b.tat > $1::timestamptz + excluded.capacity * ${INTERVAL} then $1::timestamptz
         else greatest(b.tat, $1::timestamptz)
       end`;

function takeSql(buckets: number): string {
  // $1 is now; bucket i binds key, emission_ms, capacity and cost from $(2 + 4i).
  const rows = Array.from({ length: buckets }, (_, i) => {
    const at = 2 + 4 * i;
    return `(${i}, $${at}::text, $${at + 1}::float8, $${at + 2}::integer, $${at + 3}::integer)`;
  });
  const takes = Array.from(
    { length: buckets },
    (_, i) => `
taken${i} as (
  insert into rate_limit_bucket as b (key, tat, emission_ms, capacity)
  select key, $1::timestamptz + cost * emission_ms * interval '1 millisecond', emission_ms, capacity from input
   where position = ${i} and cost <= capacity${i > 0 ? ` and exists (select 1 from taken${i - 1})` : ''}
  on conflict (key) do update
     set tat = ${START} + $${5 + 4 * i}::integer * ${INTERVAL},
         emission_ms = excluded.emission_ms,
         capacity = excluded.capacity
   where ${START} + $${5 + 4 * i}::integer * ${INTERVAL} <= $1::timestamptz + excluded.capacity * ${INTERVAL}
  returning key, tat
)`,
  );
  const granted = Array.from({ length: buckets }, (_, i) => `select key, tat from taken${i}`).join(' union all ');
  return `
with input (position, key, emission_ms, capacity, cost) as (values ${rows.join(', ')}),${takes.join(',')},
granted as (${granted})
select input.key, granted.tat as granted_tat, current.tat as current_tat
from input
left join granted on granted.key = input.key
left join rate_limit_bucket current on current.key = input.key
order by input.position`;
}

// A bucket whose time lies in the past is full, the same as no row: such rows are swept now and then.
const SWEEP_SQL = 'delete from rate_limit_bucket where tat < $1';
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
    const params = [now, ...buckets.flatMap((bucket) => [bucket.key, bucket.emissionMs, bucket.capacity, bucket.cost])];
    // Straight to the pool: this runs on every request, and the ORM's formatter would cost more than the statement.
    const rows = await pgQuery<Row>(this.orm, takeSql(buckets.length), params);
    if (++this.#takesSinceSweep >= SWEEP_EVERY) {
      this.#takesSinceSweep = 0;
      await pgQuery(this.orm, SWEEP_SQL, [now]);
    }
    return rows.map((row) => ({
      key: row.key,
      grantedTat: dateOrNull(row.granted_tat),
      currentTat: dateOrNull(row.current_tat),
    }));
  }
}
