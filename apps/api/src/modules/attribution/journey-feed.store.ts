import type { AttributionAccumulator, AttributionModelId, Journey, Milestone, Touch } from '@aa/attribution';
import type { PgClient } from '../../db/sql.js';
import {
  aggregateRowsQuery,
  daysBeyondLookbackOn,
  summarizeAggregatesOn,
  toAggregate,
  type AggregateRow,
} from './path-aggregate.store.js';
import { splitWindow, type TimeRange } from './window-split.js';

export interface ReportWindow {
  from: Date | null;
  to: Date | null;
}

export interface ReportScope extends ReportWindow {
  models: readonly AttributionModelId[];
  lookbackDays: number;
}

/** What a window holds before any run: the KPI figures and whether aggregated rows (no times) are in it. */
export interface WindowSummary {
  storedJourneys: number;
  pathRows: number;
  /** Stored journeys plus the journeys path rows stand for (their conversions and nulls). */
  journeys: number;
  conversions: number;
  value: number;
}

export interface FedCounts {
  journeyCount: number;
  pathRowCount: number;
}

/** Rows per FETCH: memory stays bounded whatever the number of stored journeys. */
const FETCH_SIZE = 5000;
/** Models that read only the order of channels: times and milestones do not change their credit. */
const PATH_ONLY_MODELS: ReadonlySet<AttributionModelId> = new Set([
  'LAST_TOUCH',
  'FIRST_TOUCH',
  'LINEAR',
  'POSITION_BASED',
  'LAST_NON_DIRECT',
  'MARKOV',
  'SHAPLEY',
]);

/*
 * A report reads all of an organization's journeys once. Journey ids are random UUIDs, so merge
 * joins in index order read the tables at random (about 3x slower over 1,000,000 journeys than
 * hash joins over sequential scans); and a cursor is planned for its whole result, not a first page.
 * Small organizations still get index lookups: nested loops stay allowed. JIT compiling a report's
 * statements costs seconds and saves less. Local to the transaction.
 */
const WHOLE_SCAN_SETTINGS = `
  set local enable_mergejoin = off;
  set local cursor_tuple_fraction = 1;
  set local work_mem = '64MB';
  set local jit = off`;

interface JourneyRow {
  converted_ms: number | null;
  value: number;
  channels: string[] | null;
  at_ms: number[] | null;
  milestones: Array<string | null> | null;
}

interface PathRowRecord {
  channels: string[];
  conversions: number;
  value: number;
  nulls: number;
  journeys: number;
}

/**
 * The full computation, kept as the reference the aggregates are tested against: streams every
 * stored journey and aggregated path row in the window into the accumulator through server-side
 * cursors (the caller's transaction). Where every model reads only the order of channels,
 * PostgreSQL applies the lookback and groups journeys by path.
 */
export async function feedStoredJourneysStreamed(
  client: PgClient,
  organizationId: string,
  scope: ReportScope,
  accumulator: AttributionAccumulator,
): Promise<FedCounts> {
  await client.query(WHOLE_SCAN_SETTINGS);
  const pathsSuffice = scope.models.every((model) => PATH_ONLY_MODELS.has(model));
  const journeyCount = pathsSuffice
    ? await feedJourneysGroupedByPath(client, organizationId, scope, accumulator)
    : await feedJourneys(client, organizationId, scope, accumulator);
  const pathRowCount = await feedPathRows(client, organizationId, scope, accumulator);
  return { journeyCount, pathRowCount };
}

async function feedJourneysGroupedByPath(
  client: PgClient,
  organizationId: string,
  scope: ReportScope,
  accumulator: AttributionAccumulator,
): Promise<number> {
  const params: unknown[] = [organizationId, scope.lookbackDays];
  // The engine's lookback rule: a converting journey keeps the touches at or after
  // convertedAt − lookback; a journey without conversion keeps all of them.
  const sql = `
    select channels, sum(conversions)::float8 as conversions, sum(value)::float8 as value,
      sum(nulls)::float8 as nulls, count(*)::int as journeys
    from (
      select coalesce(array_agg(t.channel order by t.position) filter (
               where t.id is not null and (j.converted_at is null or t.at >= j.converted_at - make_interval(days => $2))
             ), '{}') as channels,
        case when j.converted_at is null then 0 else 1 end as conversions,
        j.value,
        case when j.converted_at is null then 1 else 0 end as nulls
      from journey j left join touch t on t.journey_id = j.id
      where j.organization_id = $1 ${journeyWindowConditions(scope, params)}
      group by j.id
    ) per_journey
    group by channels`;
  let count = 0;
  await readCursor<PathRowRecord>(client, sql, params, (row) => {
    accumulator.addPathRow({ path: row.channels, conversions: row.conversions, value: row.value, nulls: row.nulls });
    count += row.journeys;
  });
  return count;
}

/** What a query of journeys (alias j) selects for feedJourneysOf and the edges' counts. */
const JOURNEY_COLUMNS = 'j.id, j.converted_at, j.value';

async function feedJourneys(
  client: PgClient,
  organizationId: string,
  window: ReportWindow,
  accumulator: AttributionAccumulator,
): Promise<number> {
  const params: unknown[] = [organizationId];
  const source = `select ${JOURNEY_COLUMNS} from journey j where j.organization_id = $1 ${journeyWindowConditions(window, params)}`;
  return feedJourneysOf(client, source, params, 'joined', accumulator);
}

/** How feedJourneysOf reads the touches of its journeys. */
type TouchRead =
  /** Every touch of the organization, hashed: for a source that reads most journeys (the streamed reference). */
  | 'joined'
  /**
   * Each journey's touches by index: for a source that finds few journeys by index (a window's
   * edges, days beyond the lookback). The planner prices each lookup as a random read and would hash
   * every touch of the organization instead (1.3 s for an edge day of 16,667 journeys out of
   * 1,000,000, against 0.3 s by index).
   */
  | 'per journey';

/**
 * The journeys `source` selects (JOURNEY_COLUMNS), whole, with their touches. Times travel as epoch
 * milliseconds (float8). The source carries the journey's columns, so nothing joins journey again:
 * with merge joins off, joining a window edge's few thousand ids back to journey hashed all of an
 * organization's journeys (0.4 s at 1,000,000).
 */
async function feedJourneysOf(
  client: PgClient,
  source: string,
  params: unknown[],
  touches: TouchRead,
  accumulator: AttributionAccumulator,
): Promise<number> {
  // Arrays travel as json, as the aggregate rows do: JSON.parse reads them several times faster than
  // the driver's array parser (float8 prints its shortest exact form, so times round-trip exactly).
  const arrays = (alias: string) => `
      to_json(array_agg(${alias}.channel order by ${alias}.position) filter (where ${alias}.id is not null)) as channels,
      to_json(array_agg((extract(epoch from ${alias}.at) * 1000)::float8 order by ${alias}.position)
        filter (where ${alias}.id is not null)) as at_ms,
      to_json(array_agg(${alias}.milestone order by ${alias}.position) filter (where ${alias}.id is not null)) as milestones`;
  const journey = '(extract(epoch from j.converted_at) * 1000)::float8 as converted_ms, j.value';
  const sql =
    touches === 'joined'
      ? `select ${journey}, ${arrays('t')}
         from (${source}) j left join touch t on t.journey_id = j.id
         group by j.id, j.converted_at, j.value`
      : `select ${journey}, t.channels, t.at_ms, t.milestones
         from (${source}) j cross join lateral (select ${arrays('l')} from touch l where l.journey_id = j.id) t`;
  let count = 0;
  await readCursor<JourneyRow>(client, sql, params, (row) => {
    accumulator.addJourney(toJourney(row));
    count++;
  });
  return count;
}

/** Aggregated rows have no times: the window applies to when they were imported. */
async function feedPathRows(
  client: PgClient,
  organizationId: string,
  window: ReportWindow,
  accumulator: AttributionAccumulator,
): Promise<number> {
  const params: unknown[] = [organizationId];
  // Stored as the channels joined by " > " (channel names of this format never contain ">").
  const sql = `
    select string_to_array(path, ' > ') as channels, conversions, value, nulls
    from journey_path where organization_id = $1 ${pathWindowConditions(window, params)}`;
  let count = 0;
  await readCursor<Omit<PathRowRecord, 'journeys'>>(client, sql, params, (row) => {
    accumulator.addPathRow({ path: row.channels, conversions: row.conversions, value: row.value, nulls: row.nulls });
    count++;
  });
  return count;
}

/** Counts what `window` holds by reading every journey (the reference for summarizeWindow). */
export async function summarizeWindowStreamed(
  client: PgClient,
  organizationId: string,
  window: ReportWindow,
): Promise<WindowSummary> {
  const journeyParams: unknown[] = [organizationId];
  const journeySql = `
    select count(*)::int as journeys, count(j.converted_at)::float8 as conversions,
      coalesce(sum(j.value) filter (where j.converted_at is not null), 0)::float8 as value
    from journey j where j.organization_id = $1 ${journeyWindowConditions(window, journeyParams)}`;
  const [stored] = (await client.query<Sums>(journeySql, journeyParams)).rows;
  if (!stored) throw new Error('an aggregate query returned no row');
  return withPathRows(client, organizationId, window, stored);
}

type Sums = { journeys: number; conversions: number; value: number };

async function withPathRows(
  client: PgClient,
  organizationId: string,
  window: ReportWindow,
  stored: Sums,
): Promise<WindowSummary> {
  const pathParams: unknown[] = [organizationId];
  const pathSql = `
    select count(*)::int as rows, coalesce(sum(conversions), 0)::float8 as conversions,
      coalesce(sum(value), 0)::float8 as value, coalesce(sum(conversions + nulls), 0)::float8 as journeys
    from journey_path where organization_id = $1 ${pathWindowConditions(window, pathParams)}`;
  const [paths] = (await client.query<Sums & { rows: number }>(pathSql, pathParams)).rows;
  if (!paths) throw new Error('an aggregate query returned no row');
  return {
    storedJourneys: stored.journeys,
    pathRows: paths.rows,
    journeys: stored.journeys + paths.journeys,
    conversions: stored.conversions + paths.conversions,
    value: stored.value + paths.value,
  };
}

/** A journey's time (alias j) is its conversion, or for a journey that did not convert, its last touch. */
export function journeyWindowConditions(window: ReportWindow, params: unknown[]): string {
  const journeyTime = 'coalesce(j.converted_at, (select max(l.at) from touch l where l.journey_id = j.id))';
  const conditions: string[] = [];
  if (window.from) conditions.push(`and ${journeyTime} >= $${params.push(window.from)}`);
  if (window.to) conditions.push(`and ${journeyTime} <= $${params.push(window.to)}`);
  return conditions.join(' ');
}

/** Aggregated rows have no times: their time is when they were imported. */
export function pathWindowConditions(window: ReportWindow, params: unknown[]): string {
  const conditions: string[] = [];
  if (window.from) conditions.push(`and created_at >= $${params.push(window.from)}`);
  if (window.to) conditions.push(`and created_at <= $${params.push(window.to)}`);
  return conditions.join(' ');
}

function toJourney(row: JourneyRow): Journey {
  const touches: Touch[] = (row.channels ?? []).map((channel, index) => {
    const milestone = row.milestones?.[index] as Milestone | null | undefined;
    const at = row.at_ms?.[index];
    return { channel, ...(at === undefined ? {} : { at }), ...(milestone ? { milestone } : {}) };
  });
  return row.converted_ms === null ? { touches } : { touches, convertedAt: row.converted_ms, value: row.value };
}

async function readCursor<TRow>(
  client: PgClient,
  sql: string,
  params: unknown[],
  onRow: (row: TRow) => void,
): Promise<void> {
  await client.query(`declare report_rows no scroll cursor for ${sql}`, params);
  for (;;) {
    const { rows } = await client.query<TRow & object>(`fetch forward ${FETCH_SIZE} from report_rows`);
    for (const row of rows) onRow(row);
    if (rows.length < FETCH_SIZE) break;
  }
  await client.query('close report_rows');
}

const FOLDED = 'and not exists (select 1 from journey_unfolded u where u.journey_id = j.id)';

/**
 * The folded journeys (JOURNEY_COLUMNS) whose time lies in `range`, by index: converted ones by
 * conversion, the others by last touch.
 */
function edgeJourneys(range: TimeRange, params: unknown[]): string {
  const bounds = (column: string): string => {
    const conditions: string[] = [];
    if (range.from) conditions.push(`and ${column} >= $${params.push(range.from)}`);
    if (range.to) conditions.push(`and ${column} ${range.toInclusive ? '<=' : '<'} $${params.push(range.to)}`);
    return conditions.join(' ');
  };
  return `
    select ${JOURNEY_COLUMNS} from journey j where j.organization_id = $1 ${bounds('j.converted_at')} ${FOLDED}
    union all
    select ${JOURNEY_COLUMNS} from journey j
    where j.organization_id = $1 and j.converted_at is null ${bounds('j.unconverted_at')} ${FOLDED}`;
}

/**
 * The folded journeys (JOURNEY_COLUMNS) converted on `days` with a touch outside the lookback: their
 * aggregate rows are not read.
 */
function beyondLookbackJourneys(days: readonly string[], lookbackDays: number, params: unknown[]): string {
  const first = `$${params.push(`${days[0]!}T00:00:00Z`)}::timestamptz`;
  const last = `$${params.push(`${days.at(-1)!}T00:00:00Z`)}::timestamptz`;
  return `
    select ${JOURNEY_COLUMNS} from journey j
    where j.organization_id = $1 and j.converted_at >= ${first} and j.converted_at < ${last} + interval '1 day'
      and (j.converted_at at time zone 'UTC')::date = any($${params.push(days)}::date[])
      and exists (
        select 1 from touch t
        where t.journey_id = j.id and extract(epoch from j.converted_at - t.at) > $${params.push(lookbackDays)}::int * 86400
      ) ${FOLDED}`;
}

/**
 * A report's input from the path aggregates (folded by the caller before this snapshot): the
 * window's whole days as their distinct paths; journeys of those days with a touch outside the
 * lookback, and the window's partial days at its edges, from the journeys themselves; aggregated path
 * rows as before. Equal to feedStoredJourneysStreamed over the folded journeys.
 */
export async function feedStoredJourneys(
  client: PgClient,
  organizationId: string,
  scope: ReportScope,
  accumulator: AttributionAccumulator,
): Promise<FedCounts> {
  await client.query(WHOLE_SCAN_SETTINGS);
  const split = splitWindow(scope);
  let journeyCount = 0;
  if (split.days) {
    const withDecay = scope.models.includes('TIME_DECAY');
    const { sql, params } = aggregateRowsQuery(organizationId, split.days, scope.lookbackDays, withDecay);
    await readCursor<AggregateRow>(client, sql, params, (row) => {
      accumulator.addJourneyAggregate(toAggregate(row));
      journeyCount += row.journeys;
    });
    const days = await daysBeyondLookbackOn(client, organizationId, split.days, scope.lookbackDays);
    if (days.length > 0) {
      const beyond: unknown[] = [organizationId];
      const source = beyondLookbackJourneys(days, scope.lookbackDays, beyond);
      journeyCount += await feedJourneysOf(client, source, beyond, 'per journey', accumulator);
    }
  }
  for (const edge of split.edges) {
    const params: unknown[] = [organizationId];
    journeyCount += await feedJourneysOf(client, edgeJourneys(edge, params), params, 'per journey', accumulator);
  }
  const pathRowCount = await feedPathRows(client, organizationId, scope, accumulator);
  return { journeyCount, pathRowCount };
}

/** Counts what `window` holds from the aggregates and the window's edges, as feedStoredJourneys reads it. */
export async function summarizeWindow(
  client: PgClient,
  organizationId: string,
  window: ReportWindow,
): Promise<WindowSummary> {
  const split = splitWindow(window);
  const stored: Sums = split.days
    ? await summarizeAggregatesOn(client, organizationId, split.days)
    : { journeys: 0, conversions: 0, value: 0 };
  for (const edge of split.edges) {
    const params: unknown[] = [organizationId];
    const { rows } = await client.query<Sums>(
      `select count(*)::float8 as journeys, count(j.converted_at)::float8 as conversions,
         coalesce(sum(j.value) filter (where j.converted_at is not null), 0)::float8 as value
       from (${edgeJourneys(edge, params)}) j`,
      params,
    );
    stored.journeys += rows[0]?.journeys ?? 0;
    stored.conversions += rows[0]?.conversions ?? 0;
    stored.value += rows[0]?.value ?? 0;
  }
  return withPathRows(client, organizationId, window, stored);
}
