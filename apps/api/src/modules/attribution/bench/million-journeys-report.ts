/**
 * A report over 1,000,000 stored journeys, in the API's default heap.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test pnpm bench:report [journeys]
 *
 * Creates a scratch database on that server (dropped at the end; embedded PGlite without
 * DATABASE_URL), stores the journeys and their touches with generate_series (one organization per
 * size of the growth series: 10,000, 100,000, then the full count), folds them into the path
 * aggregates as an import's end does, runs reports through the same service as runAttribution (over
 * everything and over the last 30 days), and checks each all-models report against the full streamed
 * computation over the same window. Each step's time is logged. `pnpm bench` calls
 * measureMillionJourneyReport for its report row.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  ATTRIBUTION_MODEL_IDS,
  AttributionAccumulator,
  type AttributionModelId,
  type AttributionResult,
} from '@aa/attribution';
import { createApp, type App } from '../../../app.js';
import { loadConfigWith } from '../../../config/env.js';
import { scratchServerUrl } from '../../../config/tooling-env.js';
import { sql, withPgTransaction, type PgClient } from '../../../db/sql.js';
import { createScratchDatabase } from '../../../test/scratch-database.js';
import { JourneyStore } from '../journey.store.js';
import type { ReportWindow } from '../journey-feed.store.js';
import type { AttributionReportData, ModelReportData } from '../report.store.js';
import { TestSubscriptions } from '../test-fixtures.js';

const CHANNELS = [
  'search',
  'email',
  'social',
  'display',
  'direct',
  'affiliate',
  'video',
  'referral',
  'push',
  'sms',
  'podcast',
  'print',
];

// A quarter of the journeys do not convert; the others convert over the last 60 days with 1 to 4
// touches spread over the 20 days before, the first touch marked as the lead. One statement writes
// what the API's own inserts write: the journey with its non-converting time (its last touch), its
// unfolded row and its touches. The ids are made first, so the touches and the last touch's time
// derive from them without reading the journeys back or updating them.
const STORE_JOURNEYS = `
  with made as materialized (
    select gen_random_uuid() as id, g,
      case when g % 4 = 0 then null else now() - (g % 60) * interval '1 day' end as converted_at
    from generate_series(1, $2::int) g
  ),
  made_journeys as (
    select id, converted_at, abs(hashtext(id::text)) % 4 as last_position from made
  ),
  journeys as (
    insert into journey (id, organization_id, converted_at, value, created_at, unconverted_at)
    select id, $1, converted_at,
      case when g % 4 = 0 then 0 else (g % 100) + 0.5 end,
      now(),
      case when converted_at is null then now() - (4 - abs(hashtext(id::text)) % 4) * interval '5 days' end
    from made
  ),
  unfolded as (
    insert into journey_unfolded (journey_id, organization_id) select id, $1 from made
  )
  insert into touch (id, journey_id, position, channel, at, milestone)
  select gen_random_uuid(), j.id, p,
    ($3::text[])[1 + abs(hashtext(j.id::text || p::text)) % 12],
    coalesce(j.converted_at, now()) - (4 - p) * interval '5 days',
    case when p = 0 then 'lead' end
  from made_journeys j, generate_series(0, j.last_position) p`;

/** The tables a load writes: their indexes and constraints are dropped for it and built again after. */
const LOADED_TABLES = ['journey', 'touch', 'journey_unfolded'];

export interface MillionJourneyReport {
  journeys: number;
  oneModelSeconds: number;
  allModelsSeconds: number;
  /** The all-models report equals the streamed full computation over the same journeys (relative 1e-9). */
  equalToStreamed: boolean;
  /** The same two reports when the aggregates are bypassed: the full computation over every journey. */
  streamedAllModelsSeconds: number;
  /** The window the window figures cover: the last this many days, to the instant it was run. */
  windowDays: number;
  /** Journeys in that window (about 60% of those stored: conversions spread over 60 days, the others within 20). */
  windowJourneys: number;
  /** One model and all ten over that window, through the same service (whole days from the aggregates, edges from journeys). */
  windowOneModelSeconds: number;
  windowAllModelsSeconds: number;
  /** The all-models window report equals the streamed full computation over the same window. */
  windowEqualToStreamed: boolean;
  windowStreamedAllModelsSeconds: number;
  /** Storing the journeys (generate_series) and folding them into the aggregates (an import's end). */
  loadSeconds: number;
  foldSeconds: number;
  peakRssMb: number;
  growth: Array<{ journeys: number; oneModelSeconds: number; allModelsSeconds: number; aggregateRows: number }>;
}

export interface MillionJourneyOptions {
  journeys?: number;
  /** Smaller sizes measured first, each in its own organization. */
  growth?: readonly number[];
  log?: (line: string) => void;
}

/** The window of the window figures: the last 30 days, as a dashboard's default range asks. */
const WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const seconds = (ms: number): number => Math.round(ms) / 1000;

/**
 * Measures reports over stored journeys on a scratch database of the PostgreSQL server at
 * `serverUrl` (created and dropped here; embedded PGlite when undefined).
 */
export async function measureMillionJourneyReport(
  serverUrl: string | undefined,
  options: MillionJourneyOptions = {},
): Promise<MillionJourneyReport> {
  const journeys = options.journeys ?? 1_000_000;
  const sizes = [...(options.growth ?? [10_000, 100_000]).filter((size) => size < journeys), journeys];
  const log = options.log ?? (() => undefined);
  const scratch = await createScratchDatabase(serverUrl);
  const subscriptions = new TestSubscriptions({
    start: new Date(Date.now() - 86_400_000),
    end: new Date(Date.now() + 29 * 86_400_000),
  });
  const app = await createApp(loadConfigWith({ DATABASE_URL: scratch.url, LOG_LEVEL: 'warn' }), { subscriptions });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  try {
    const growth: MillionJourneyReport['growth'] = [];
    let last: Omit<MillionJourneyReport, 'growth' | 'peakRssMb'> | undefined;
    for (const [index, size] of sizes.entries()) {
      const { viewer } = await app.services.accounts.signUp({
        email: `bench-${index}@example.com`,
        password: 'bench-password-1',
        organizationName: `Bench ${size}`,
      });
      const organizationId = viewer.organization.id;
      subscriptions.subscribe(organizationId, 'SCALE');
      const measured = await measureOne(app, organizationId, size, size === journeys, log);
      growth.push({
        journeys: size,
        oneModelSeconds: measured.oneModelSeconds,
        allModelsSeconds: measured.allModelsSeconds,
        aggregateRows: measured.aggregateRows,
      });
      last = measured;
    }
    if (!last) throw new Error('no size was measured');
    return { ...last, growth, peakRssMb: Math.round(peakRss / 1024 ** 2) };
  } finally {
    clearInterval(sampler);
    await app.close();
    await scratch.dispose();
  }
}

async function measureOne(
  app: App,
  organizationId: string,
  journeys: number,
  compare: boolean,
  log: (line: string) => void,
) {
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    log(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  const loadStarted = performance.now();
  const touches = await withPgTransaction(app.orm, 'read write', (client) =>
    withoutIndexes(client, step, async () => {
      const stored = await step('store journeys, touches and unfolded rows', () =>
        client.query(STORE_JOURNEYS, [organizationId, journeys, CHANNELS]),
      );
      return stored.rowCount ?? 0;
    }),
  );
  await step('analyze', () => sql(app.orm, 'analyze journey, touch, journey_unfolded'));
  const loadMs = performance.now() - loadStarted;
  const store = new JourneyStore(app.orm);
  const foldStarted = performance.now();
  await step('fold', () => store.fold(organizationId));
  // What autovacuum does soon after a large fold: the folded journeys' unfolded rows are dead, and
  // until they are vacuumed every fold check walks past them.
  await step('vacuum', () =>
    sql(app.orm, 'vacuum analyze journey_unfolded, journey_path_day, journey_path_total, journey_path_shape'),
  );
  const foldMs = performance.now() - foldStarted;
  const [{ rows: aggregateRows } = { rows: 0 }] = await sql<{ rows: number }>(
    app.orm,
    'select count(*)::int as rows from journey_path_day where organization_id = ?',
    [organizationId],
  );
  log(
    `${journeys.toLocaleString('en-US')} journeys, ${touches.toLocaleString('en-US')} touches stored in ${(loadMs / 1000).toFixed(1)} s; ` +
      `folded into ${aggregateRows.toLocaleString('en-US')} path-day rows in ${(foldMs / 1000).toFixed(1)} s`,
  );
  const entitlements = await app.services.entitlements.forOrganization(organizationId);
  const run = async (models: readonly AttributionModelId[], window: ReportWindow, label: string) => {
    const started = performance.now();
    const report = await app.services.attribution.runs.run(organizationId, entitlements, { models, ...window });
    const elapsed = performance.now() - started;
    log(
      `  report${label}, ${models.length} model(s): ${report.journeyCount.toLocaleString('en-US')} journeys in ${(elapsed / 1000).toFixed(3)} s`,
    );
    return { report, elapsed };
  };
  // The full computation over the same window, equal to the all-models report or not.
  const streamed = async (all: AttributionReportData, window: ReportWindow, label: string) => {
    const started = performance.now();
    const accumulator = new AttributionAccumulator(ATTRIBUTION_MODEL_IDS, { lookbackDays: all.lookbackDays });
    const counts = await store.feedStreamed(
      organizationId,
      { models: ATTRIBUTION_MODEL_IDS, ...window, lookbackDays: all.lookbackDays },
      accumulator,
    );
    const elapsed = performance.now() - started;
    const equal = counts.journeyCount === all.journeyCount && sameCredits(all.credits, accumulator.result());
    log(`  streamed full computation${label}, all models: ${(elapsed / 1000).toFixed(1)} s; equal: ${equal}`);
    return { equal, elapsed };
  };
  const everything: ReportWindow = { from: null, to: null };
  const one = await run(['LAST_TOUCH'], everything, '');
  const all = await run(ATTRIBUTION_MODEL_IDS, everything, '');
  // About the last 30 days: 30 whole days from the aggregates and a partial day at each edge, read
  // from the journeys. The journeys convert at the load's time of day, so the edges are placed an
  // hour past a day's conversions: each edge holds a day of them (about 12,500 journeys).
  const [{ loaded } = { loaded: new Date() }] = await sql<{ loaded: Date }>(
    app.orm,
    'select min(created_at) as loaded from journey where organization_id = ?',
    [organizationId],
  );
  const to = new Date(loaded).getTime() - DAY_MS + HOUR_MS;
  const window: ReportWindow = { from: new Date(to - WINDOW_DAYS * DAY_MS - 2 * HOUR_MS), to: new Date(to) };
  const label = ` over the last ${WINDOW_DAYS} days`;
  const windowOne = await run(['LAST_TOUCH'], window, label);
  const windowAll = await run(ATTRIBUTION_MODEL_IDS, window, label);
  const reference = compare ? await streamed(all.report, everything, '') : { equal: true, elapsed: 0 };
  const windowReference = compare ? await streamed(windowAll.report, window, label) : { equal: true, elapsed: 0 };
  return {
    journeys,
    oneModelSeconds: seconds(one.elapsed),
    allModelsSeconds: seconds(all.elapsed),
    equalToStreamed: reference.equal,
    streamedAllModelsSeconds: seconds(reference.elapsed),
    windowDays: WINDOW_DAYS,
    windowJourneys: windowAll.report.journeyCount,
    windowOneModelSeconds: seconds(windowOne.elapsed),
    windowAllModelsSeconds: seconds(windowAll.elapsed),
    windowEqualToStreamed: windowReference.equal,
    windowStreamedAllModelsSeconds: seconds(windowReference.elapsed),
    loadSeconds: seconds(loadMs),
    foldSeconds: seconds(foldMs),
    aggregateRows,
  };
}

type Step = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/**
 * Runs `load` with the loaded tables' indexes and constraints dropped, then builds them again from
 * their own definitions, as pg_restore does: a sorted build per index and one join per foreign key
 * take seconds, where inserting a million random uuids into each index and checking each row's
 * deferred foreign keys took minutes. In the caller's transaction: the tables end as the migrations
 * made them, only more compact.
 */
async function withoutIndexes<T>(client: PgClient, step: Step, load: () => Promise<T>): Promise<T> {
  const { rows: constraints } = await client.query<{ owner: string; name: string; definition: string; type: string }>(
    `select conrelid::regclass::text as owner, quote_ident(conname) as name, pg_get_constraintdef(oid) as definition,
       contype::text as type
     from pg_constraint
     where contype in ('p', 'u', 'f') and (conrelid = any($1::regclass[]) or confrelid = any($1::regclass[]))
     order by contype = 'f' desc, oid`,
    [LOADED_TABLES],
  );
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i
     where i.indrelid = any($1::regclass[])
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)`,
    [LOADED_TABLES],
  );
  await step('drop indexes and constraints', async () => {
    // Foreign keys first: they depend on the primary keys they reference.
    for (const constraint of constraints)
      await client.query(`alter table ${constraint.owner} drop constraint ${constraint.name}`);
    for (const index of indexes) await client.query(`drop index ${index.name}`);
  });
  const result = await load();
  await step('build indexes and constraints', async () => {
    await client.query(`set local maintenance_work_mem = '256MB'`);
    for (const index of indexes) await client.query(index.definition);
    // Keys before the foreign keys that reference them.
    for (const constraint of [...constraints].reverse())
      await client.query(`alter table ${constraint.owner} add constraint ${constraint.name} ${constraint.definition}`);
  });
  return result;
}

function sameCredits(credits: readonly ModelReportData[], expected: AttributionResult): boolean {
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return credits.every(({ model, channels, totals, unattributed }) => {
    const reference = expected[model];
    if (!reference || reference.channels.length !== channels.length) return false;
    if (!close(totals.conversions, reference.totals.conversions) || !close(totals.value, reference.totals.value))
      return false;
    if (!close(unattributed.conversions, reference.unattributed.conversions)) return false;
    return reference.channels.every((credit) => {
      const found = channels.find((candidate) => candidate.channel === credit.channel);
      return !!found && close(found.conversions, credit.conversions) && close(found.value, credit.value);
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const journeys = Number(process.argv[2] ?? 1_000_000);
  const result = await measureMillionJourneyReport(scratchServerUrl(), { journeys, log: console.log });
  console.log(JSON.stringify(result, null, 2));
  if (!result.equalToStreamed) process.exitCode = 1;
}
