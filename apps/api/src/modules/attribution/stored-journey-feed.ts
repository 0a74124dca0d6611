import type { AttributionAccumulator, AttributionModelId, Milestone, Touch } from '@aa/attribution';
import type { SqlClient } from './pg-client.js';

export interface ReportWindow {
  from: Date | null;
  to: Date | null;
}

export interface ReportScope extends ReportWindow {
  models: readonly AttributionModelId[];
  lookbackDays: number;
}

export interface FedCounts {
  journeyCount: number;
  pathRowCount: number;
}

/** Journeys per keyset page: bounded memory whatever the number of stored journeys. */
const JOURNEY_PAGE = 5000;
const PATH_PAGE = 10_000;
const BEFORE_ANY_UUID = '00000000-0000-0000-0000-000000000000';
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

interface JourneyPageRow {
  id: string;
  converted_ms: number | null;
  value: number;
  channels: string[] | null;
  at_ms: number[] | null;
  milestones: Array<string | null> | null;
}

interface PathPageRow {
  id: string;
  path: string;
  conversions: number;
  value: number;
  nulls: number;
}

interface GroupedPathRow {
  channels: string[];
  conversions: number;
  value: number;
  nulls: number;
  journeys: number;
}

/**
 * Streams an organization's stored journeys and aggregated path rows into the accumulator in
 * bounded batches. Where every model reads only the order of channels, PostgreSQL applies the
 * lookback and groups journeys by path, so a million journeys arrive as their distinct paths.
 */
export async function feedStoredJourneys(
  client: SqlClient,
  organizationId: string,
  scope: ReportScope,
  accumulator: AttributionAccumulator,
): Promise<FedCounts> {
  const pathsSuffice = scope.models.every((model) => PATH_ONLY_MODELS.has(model));
  const journeyCount = pathsSuffice
    ? await feedJourneysGroupedByPath(client, organizationId, scope, accumulator)
    : await feedJourneys(client, organizationId, scope, accumulator);
  const pathRowCount = await feedPathRows(client, organizationId, scope, accumulator);
  return { journeyCount, pathRowCount };
}

/** A journey's time is its conversion, or for a journey that did not convert, its last touch. */
function journeyWindowConditions(window: ReportWindow, params: unknown[]): string {
  const journeyTime = 'coalesce(j.converted_at, (select max(l.at) from touch l where l.journey_id = j.id))';
  const conditions: string[] = [];
  if (window.from) conditions.push(`and ${journeyTime} >= $${params.push(window.from)}`);
  if (window.to) conditions.push(`and ${journeyTime} <= $${params.push(window.to)}`);
  return conditions.join(' ');
}

async function feedJourneysGroupedByPath(
  client: SqlClient,
  organizationId: string,
  scope: ReportScope,
  accumulator: AttributionAccumulator,
): Promise<number> {
  const params: unknown[] = [organizationId, scope.lookbackDays];
  // The engine's lookback rule: a converting journey keeps the touches at or after
  // convertedAt − lookback; a journey without conversion keeps all of them.
  const sql = `
    declare journey_paths no scroll cursor for
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
  await client.query(sql, params);
  let count = 0;
  for (;;) {
    const { rows } = await client.query<GroupedPathRow>(`fetch forward ${PATH_PAGE} from journey_paths`);
    if (rows.length === 0) break;
    for (const row of rows) {
      accumulator.addPathRow({ path: row.channels, conversions: row.conversions, value: row.value, nulls: row.nulls });
      count += row.journeys;
    }
  }
  await client.query('close journey_paths');
  return count;
}

async function feedJourneys(client: SqlClient, organizationId: string, window: ReportWindow, accumulator: AttributionAccumulator): Promise<number> {
  const params: unknown[] = [organizationId, BEFORE_ANY_UUID, JOURNEY_PAGE];
  const sql = `
    select p.id, (extract(epoch from p.converted_at) * 1000)::float8 as converted_ms, p.value,
      array_agg(t.channel order by t.position) filter (where t.id is not null) as channels,
      array_agg((extract(epoch from t.at) * 1000)::float8 order by t.position) filter (where t.id is not null) as at_ms,
      array_agg(t.milestone order by t.position) filter (where t.id is not null) as milestones
    from (
      select j.id, j.converted_at, j.value from journey j
      where j.organization_id = $1 and j.id > $2 ${journeyWindowConditions(window, params)}
      order by j.id limit $3
    ) p
    left join touch t on t.journey_id = p.id
    group by p.id, p.converted_at, p.value
    order by p.id`;
  let count = 0;
  for (;;) {
    const { rows } = await client.query<JourneyPageRow>(sql, params);
    for (const row of rows) accumulator.addJourney(toJourney(row));
    count += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < JOURNEY_PAGE) return count;
    params[1] = last.id;
  }
}

function toJourney(row: JourneyPageRow) {
  const channels = row.channels ?? [];
  const touches: Touch[] = channels.map((channel, index) => {
    const milestone = row.milestones?.[index] as Milestone | null | undefined;
    const at = row.at_ms?.[index];
    return { channel, ...(at === undefined ? {} : { at }), ...(milestone ? { milestone } : {}) };
  });
  return row.converted_ms === null ? { touches } : { touches, convertedAt: row.converted_ms, value: row.value };
}

/** Aggregated rows have no times: the window applies to when they were imported. */
async function feedPathRows(client: SqlClient, organizationId: string, window: ReportWindow, accumulator: AttributionAccumulator): Promise<number> {
  const params: unknown[] = [organizationId, 0, PATH_PAGE];
  const conditions: string[] = [];
  if (window.from) conditions.push(`created_at >= $${params.push(window.from)}`);
  if (window.to) conditions.push(`created_at <= $${params.push(window.to)}`);
  const sql = `
    select id, path, conversions, value, nulls from journey_path
    where organization_id = $1 and id > $2 ${conditions.map((condition) => `and ${condition}`).join(' ')}
    order by id limit $3`;
  let count = 0;
  for (;;) {
    const { rows } = await client.query<PathPageRow>(sql, params);
    for (const row of rows) {
      // Stored as the channels joined by " > "; channel names never contain ">".
      const path = row.path.split('>').map((channel) => channel.trim());
      accumulator.addPathRow({ path, conversions: row.conversions, value: row.value, nulls: row.nulls });
    }
    count += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < PATH_PAGE) return count;
    params[1] = last.id;
  }
}
