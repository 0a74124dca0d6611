import type { Milestone } from '@aa/attribution';
import type { PgClient } from '../../db/sql.js';

/*
 * Per-organization path aggregates (journey_path_day): one row per UTC day, path (channels and
 * milestones, interned in journey_path_shape) and span, with the journeys' conversions, value, nulls
 * and TIME_DECAY credit per position. A report reads a window's distinct paths from here instead of
 * every journey and touch.
 *
 * Ingest writes no shared row: a stored journey gets a journey_unfolded row in its own transaction.
 * A fold takes an organization's unfolded rows and adds their journeys to the aggregates in one
 * statement, so in every committed state the aggregates hold exactly the journeys without an
 * unfolded row. Folds and deletions of one organization are serialised by an advisory lock: a
 * deletion subtracts the folded journeys it removes; unfolded ones leave with their journey
 * (cascade) and were never added.
 */

/** TIME_DECAY's half-life the aggregates are computed with: the engine's default, which reports use. */
export const AGGREGATED_HALF_LIFE_DAYS = 7;

const LOCK = `select pg_advisory_xact_lock(hashtextextended('journey aggregates ' || $1::text, 0))`;

const PATH_ID = `encode(substring(sha256(convert_to(json_build_array(channels, milestones)::text, 'UTF8')) from 1 for 16), 'hex')::uuid`;

/**
 * The aggregate rows of the journeys `source` (a query of journey ids as `id`) names: CTEs touched,
 * per_journey, grouped (key and counts) and decay (TIME_DECAY credit per position), for a statement
 * to add or subtract. A journey's day is its conversion's (UTC), or its last touch's when it did not
 * convert ('-infinity' for neither); its span is the whole days from its oldest touch to the conversion
 * (0 without a conversion: the lookback keeps all of a non-converting journey's touches).
 */
function aggregateRowsOf(source: string): string {
  return `
    source as (${source}),
    touched as (
      select j.id, j.converted_at, j.value, j.unconverted_at, t.position, t.channel, t.milestone,
        extract(epoch from j.converted_at - t.at) as age_seconds
      from source s join journey j on j.id = s.id left join touch t on t.journey_id = j.id
    ),
    weighted as (
      select *, w / nullif(sum(w) over (partition by id), 0) as share
      from (select *, power(2::float8, -(age_seconds::float8 / 86400) / ${AGGREGATED_HALF_LIFE_DAYS}) as w from touched) x
    ),
    per_journey_paths as (
      select id, converted_at is not null as converted,
        coalesce((coalesce(converted_at, unconverted_at) at time zone 'UTC')::date, '-infinity'::date) as day,
        case when converted_at is null then 0 else value end as value,
        coalesce(array_agg(channel order by position) filter (where channel is not null), '{}') as channels,
        coalesce(array_agg(coalesce(milestone, '') order by position) filter (where channel is not null), '{}') as milestones,
        coalesce(array_agg(coalesce(share, 0) order by position) filter (where channel is not null), '{}') as shares,
        case when converted_at is null then 0 else greatest(coalesce(ceil(max(age_seconds) / 86400), 0), 0) end::int as span_days
      from weighted group by id, converted_at, value, unconverted_at
    ),
    -- Grouping by a path's id (a uuid) instead of its arrays: hashing and sorting arrays costs several times more.
    per_journey as (select *, ${PATH_ID} as path_id from per_journey_paths),
    ${groupedBy('keyed', ['day', 'path_id', 'span_days'])},
    ${groupedBy('keyed_total', ['path_id', 'span_days'])}`;
}

/** CTE `name`: per_journey summed by `keys`, with its path id and TIME_DECAY credit per position. */
function groupedBy(name: string, keys: readonly string[]): string {
  const list = keys.join(', ');
  const on = keys.map((key) => `d.${key} = g.${key}`).join(' and ');
  return `
    ${name}_grouped as (
      select ${list}, count(*)::int as journeys,
        (count(*) filter (where converted))::float8 as conversions, sum(value)::float8 as value,
        (count(*) filter (where not converted))::float8 as nulls
      from per_journey group by ${list}
    ),
    ${name}_decay as (
      select ${list}, array_agg(c order by i) as decay_conversions, array_agg(v order by i) as decay_value
      from (
        select ${keys.map((key) => `p.${key}`).join(', ')}, u.i, sum(u.c)::float8 as c, sum(u.c * p.value)::float8 as v
        from per_journey p, unnest(p.shares) with ordinality as u(c, i)
        group by ${keys.map((key) => `p.${key}`).join(', ')}, u.i
      ) by_position
      group by ${list}
    ),
    ${name} as (
      select g.*, coalesce(d.decay_conversions, '{}') as decay_conversions, coalesce(d.decay_value, '{}') as decay_value
      from ${name}_grouped g left join ${name}_decay d on ${on}
    )`;
}

const ADD = `
  journeys = a.journeys + excluded.journeys,
  conversions = a.conversions + excluded.conversions,
  value = a.value + excluded.value,
  nulls = a.nulls + excluded.nulls,
  decay_conversions = journey_decay_add(a.decay_conversions, excluded.decay_conversions, 1),
  decay_value = journey_decay_add(a.decay_value, excluded.decay_value, 1)`;

/** `a` less the key's rows `k`. */
const SUBTRACT = `
  journeys = a.journeys - k.journeys,
  conversions = a.conversions - k.conversions,
  value = a.value - k.value,
  nulls = a.nulls - k.nulls,
  decay_conversions = journey_decay_add(a.decay_conversions, k.decay_conversions, -1),
  decay_value = journey_decay_add(a.decay_value, k.decay_value, -1)`;

const FOLD = `
  with ${aggregateRowsOf('delete from journey_unfolded where organization_id = $1 returning journey_id as id')},
  shapes as (
    -- In id order: two organizations' folds meeting on new paths wait for each other in one order, never in a cycle.
    insert into journey_path_shape (id, channels, milestones)
    select distinct on (path_id) path_id, channels, milestones from per_journey order by path_id
    on conflict (id) do nothing
  ),
  totals as (
    insert into journey_path_total as a
      (organization_id, path_id, span_days, journeys, conversions, value, nulls, decay_conversions, decay_value)
    select $1, path_id, span_days, journeys, conversions, value, nulls, decay_conversions, decay_value from keyed_total
    on conflict (organization_id, path_id, span_days) do update set ${ADD}
  )
  insert into journey_path_day as a
    (organization_id, day, path_id, span_days, journeys, conversions, value, nulls, decay_conversions, decay_value)
  select $1, day, path_id, span_days, journeys, conversions, value, nulls, decay_conversions, decay_value from keyed
  on conflict (organization_id, day, path_id, span_days) do update set ${ADD}`;

/**
 * Past this many journeys a fold reads whole tables with hash joins rather than looking each journey
 * up. Merge joins are off too: journey ids are random, so walking journey and touch in id order reads
 * their heaps at random (a 1,000,000-journey fold took 25 s that way, 21 s with hash joins).
 */
const BULK_FOLD = 20_000;

/**
 * Folds the organization's unfolded journeys into its aggregates; returns how many (own transaction).
 * JIT stays off: compiling the statement costs seconds, more than it saves on any fold.
 */
export async function foldOn(client: PgClient, organizationId: string): Promise<number> {
  await client.query(LOCK, [organizationId]);
  const { rows } = await client.query<{ pending: number }>(
    `select count(*)::int as pending from (
       select 1 from journey_unfolded where organization_id = $1 limit ${BULK_FOLD + 1}) p`,
    [organizationId],
  );
  const pending = rows[0]?.pending ?? 0;
  if (pending === 0) return 0;
  await client.query(`set local jit = off; set local work_mem = '64MB'`);
  if (pending > BULK_FOLD) await client.query('set local enable_nestloop = off; set local enable_mergejoin = off');
  await client.query(FOLD, [organizationId]);
  return pending;
}

/** Serialises the caller's deletion with folds of the same organization, to the end of its transaction. */
export async function lockAggregatesOn(client: PgClient, organizationId: string): Promise<void> {
  await client.query(LOCK, [organizationId]);
}

/**
 * Before journeys are deleted: subtracts the folded ones among them (`conditions` on journey j, with
 * parameters after the organization's) from the aggregates. The caller holds lockAggregatesOn.
 */
export async function subtractJourneysOn(
  client: PgClient,
  organizationId: string,
  conditions: string,
  params: readonly unknown[],
): Promise<void> {
  if (conditions.trim() === '') {
    await client.query('delete from journey_path_day where organization_id = $1', [organizationId]);
    await client.query('delete from journey_path_total where organization_id = $1', [organizationId]);
    return;
  }
  const doomed = `
    select j.id from journey j where j.organization_id = $1 ${conditions}
      and not exists (select 1 from journey_unfolded u where u.journey_id = j.id)`;
  const updated = await client.query(
    `with ${aggregateRowsOf(doomed)},
     totals as (
       update journey_path_total a set ${SUBTRACT}
       from keyed_total k where a.organization_id = $1 and a.path_id = k.path_id and a.span_days = k.span_days
     )
     update journey_path_day a set ${SUBTRACT}
     from keyed k
     where a.organization_id = $1 and a.day = k.day and a.path_id = k.path_id and a.span_days = k.span_days`,
    [organizationId, ...params],
  );
  if ((updated.rowCount ?? 0) > 0) {
    for (const table of ['journey_path_day', 'journey_path_total'])
      await client.query(`delete from ${table} where organization_id = $1 and journeys <= 0`, [organizationId]);
  }
}

/** Days as UTC dates (yyyy-mm-dd) or the open ends of a range. */
export interface DayRange {
  /** First day, inclusive; null: unbounded. */
  from: string | null;
  /** Last day, inclusive; null: unbounded. */
  to: string | null;
  /** Whether journeys with no time at all ('-infinity') belong: only to a report with no window. */
  timeless: boolean;
}

function dayConditions(range: DayRange, params: unknown[]): string {
  const conditions: string[] = [];
  if (range.from) conditions.push(`and day >= $${params.push(range.from)}::date`);
  if (range.to) conditions.push(`and day <= $${params.push(range.to)}::date`);
  if (!range.timeless) conditions.push(`and day > '-infinity'::date`);
  return conditions.join(' ');
}

export interface AggregateRow {
  channels: string[];
  milestones: string[];
  journeys: number;
  conversions: number;
  value: number;
  nulls: number;
  /** TIME_DECAY's credit per position of each day's (or span's) row of the path, to add up; null when not asked for. */
  decay_conversions: number[][] | null;
  decay_value: number[][] | null;
}

/** Everything stored, no window: the per-path totals serve it, one row per distinct path. */
function isEverything(range: DayRange): boolean {
  return range.from === null && range.to === null && range.timeless;
}

/**
 * The window's full days' aggregate rows for journeys whose every touch is inside a `lookbackDays`
 * lookback, one per path. Summed by path here: a 30-day window of 1,000,000 journeys holds about
 * 150,000 (day, path, span) rows but 22,620 paths, and shipping and parsing each row cost more than
 * PostgreSQL's sum. TIME_DECAY's arrays travel only when asked for, as the path's rows' arrays (one
 * 2-D array, added up by the reader): adding them element-wise in SQL (unnest, group by position)
 * costs more than the rows it saves.
 */
export function aggregateRowsQuery(
  organizationId: string,
  range: DayRange,
  lookbackDays: number,
  withDecay: boolean,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [organizationId, lookbackDays];
  const table = isEverything(range) ? 'journey_path_total' : 'journey_path_day';
  const where = isEverything(range) ? '' : dayConditions(range, params);
  // A path without touches has empty arrays, which array_agg cannot stack: it gets no rows ([]).
  const decay = (column: string) =>
    `coalesce(to_json(array_agg(a.${column}) filter (where cardinality(a.${column}) > 0)), '[]') as ${column}`;
  // Arrays travel as json: the driver parses json with JSON.parse, several times faster than its own
  // array parser, and float8 prints its shortest exact form, so values round-trip exactly.
  const sql = `
    select to_json(s.channels) as channels, to_json(s.milestones) as milestones, g.journeys, g.conversions, g.value,
      g.nulls, g.decay_conversions, g.decay_value
    from (
      select a.path_id, sum(a.journeys)::float8 as journeys, sum(a.conversions) as conversions, sum(a.value) as value,
        sum(a.nulls) as nulls,
        ${withDecay ? `${decay('decay_conversions')}, ${decay('decay_value')}` : 'null::json as decay_conversions, null::json as decay_value'}
      from ${table} a
      where a.organization_id = $1 and a.span_days <= $2 ${where}
      group by a.path_id
    ) g join journey_path_shape s on s.id = g.path_id`;
  return { sql, params };
}

/** The full days' journeys, conversions and value (every span). */
export async function summarizeAggregatesOn(
  client: PgClient,
  organizationId: string,
  range: DayRange,
): Promise<{ journeys: number; conversions: number; value: number }> {
  const params: unknown[] = [organizationId];
  const source = isEverything(range)
    ? 'journey_path_total where organization_id = $1'
    : `journey_path_day where organization_id = $1 ${dayConditions(range, params)}`;
  const { rows } = await client.query<{ journeys: number; conversions: number; value: number }>(
    `select coalesce(sum(journeys), 0)::float8 as journeys, coalesce(sum(conversions), 0)::float8 as conversions,
       coalesce(sum(value), 0)::float8 as value
     from ${source}`,
    params,
  );
  return rows[0] ?? { journeys: 0, conversions: 0, value: 0 };
}

/** The full days holding journeys with a touch outside a `lookbackDays` lookback (read from journeys). */
export async function daysBeyondLookbackOn(
  client: PgClient,
  organizationId: string,
  range: DayRange,
  lookbackDays: number,
): Promise<string[]> {
  if (isEverything(range)) {
    // The per-path totals are the smaller table: most often they answer that no day needs reading.
    const beyond = await client.query(
      'select 1 from journey_path_total where organization_id = $1 and span_days > $2 limit 1',
      [organizationId, lookbackDays],
    );
    if (beyond.rowCount === 0) return [];
  }
  const params: unknown[] = [organizationId, lookbackDays];
  const { rows } = await client.query<{ day: string }>(
    `select distinct to_char(day, 'YYYY-MM-DD') as day from journey_path_day
     where organization_id = $1 and span_days > $2 ${dayConditions(range, params)} order by 1`,
    params,
  );
  return rows.map((row) => row.day);
}

/** An aggregate row as the engine takes it (addJourneyAggregate): its path, counts and TIME_DECAY sums. */
export function toAggregate(row: AggregateRow) {
  return {
    touches: row.channels.map((channel, index) => {
      const milestone = row.milestones[index];
      return milestone ? { channel, milestone: milestone as Milestone } : { channel };
    }),
    conversions: row.conversions,
    value: row.value,
    nulls: row.nulls,
    ...(row.decay_conversions && row.decay_value
      ? { timeDecay: { conversions: addedUp(row.decay_conversions), value: addedUp(row.decay_value) } }
      : {}),
  };
}

/** Element-wise sum of a path's per-row credit arrays (all as long as the path). */
function addedUp(rows: readonly number[][]): number[] {
  const [first, ...rest] = rows;
  if (!first) return [];
  const sum = [...first];
  for (const row of rest) for (let i = 0; i < sum.length; i++) sum[i]! += row[i] ?? 0;
  return sum;
}
