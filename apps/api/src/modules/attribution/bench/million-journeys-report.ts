/**
 * A report over 1,000,000 stored journeys, in the API's default heap.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test pnpm bench:report [journeys]
 *
 * Creates a scratch database on that server (dropped at the end; embedded PGlite without
 * DATABASE_URL), stores the journeys and their touches with generate_series (one organization per
 * size of the growth series: 10,000, 100,000, then the full count), folds them into the path
 * aggregates as an import's end does, runs reports through the same service as runAttribution, and
 * checks the all-models report against the full streamed computation. `pnpm bench` calls
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
import { sql, withPgTransaction } from '../../../db/sql.js';
import { createScratchDatabase } from '../../../test/scratch-database.js';
import { JourneyStore } from '../journey.store.js';
import type { ModelReportData } from '../report.store.js';
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
// touches spread over the 20 days before, the first touch marked as the lead.
const INSERT_JOURNEYS = `
  insert into journey (id, organization_id, converted_at, value, created_at)
  select gen_random_uuid(), $1,
    case when g % 4 = 0 then null else now() - (g % 60) * interval '1 day' end,
    case when g % 4 = 0 then 0 else (g % 100) + 0.5 end,
    now()
  from generate_series(1, $2::int) g`;

const INSERT_TOUCHES = `
  insert into touch (id, journey_id, position, channel, at, milestone)
  select gen_random_uuid(), j.id, p,
    ($2::text[])[1 + abs(hashtext(j.id::text || p::text)) % 12],
    coalesce(j.converted_at, now()) - (4 - p) * interval '5 days',
    case when p = 0 then 'lead' end
  from journey j, generate_series(0, abs(hashtext(j.id::text)) % 4) p
  where j.organization_id = $1`;

// What the API's own inserts write beside a journey: a non-converting journey's time (its last
// touch) and its unfolded row.
const PLACE_UNCONVERTED = `
  update journey j set unconverted_at = (select max(t.at) from touch t where t.journey_id = j.id)
  where j.organization_id = $1 and j.converted_at is null`;
const MARK_UNFOLDED = `
  insert into journey_unfolded (journey_id, organization_id) select id, organization_id from journey
  where organization_id = $1`;

export interface MillionJourneyReport {
  journeys: number;
  oneModelSeconds: number;
  allModelsSeconds: number;
  /** The all-models report equals the streamed full computation over the same journeys (relative 1e-9). */
  equalToStreamed: boolean;
  /** The same two reports when the aggregates are bypassed: the full computation over every journey. */
  streamedAllModelsSeconds: number;
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
  const loadStarted = performance.now();
  const touches = await withPgTransaction(app.orm, 'read write', async (client) => {
    await client.query(INSERT_JOURNEYS, [organizationId, journeys]);
    const inserted = (await client.query(INSERT_TOUCHES, [organizationId, CHANNELS])).rowCount ?? 0;
    await client.query(PLACE_UNCONVERTED, [organizationId]);
    await client.query(MARK_UNFOLDED, [organizationId]);
    return inserted;
  });
  await sql(app.orm, 'analyze journey, touch, journey_unfolded');
  const loadMs = performance.now() - loadStarted;
  const store = new JourneyStore(app.orm);
  const foldStarted = performance.now();
  await store.fold(organizationId);
  // What autovacuum does soon after a large fold: the folded journeys' unfolded rows are dead, and
  // until they are vacuumed every fold check walks past them.
  await sql(app.orm, 'vacuum analyze journey_unfolded, journey_path_day, journey_path_total, journey_path_shape');
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
  const run = async (models: readonly AttributionModelId[]) => {
    const started = performance.now();
    const report = await app.services.attribution.runs.run(organizationId, entitlements, { models });
    const elapsed = performance.now() - started;
    log(
      `  report, ${models.length} model(s): ${report.journeyCount.toLocaleString('en-US')} journeys in ${(elapsed / 1000).toFixed(3)} s`,
    );
    return { report, elapsed };
  };
  const one = await run(['LAST_TOUCH']);
  const all = await run(ATTRIBUTION_MODEL_IDS);
  let equalToStreamed = true;
  let streamedMs = 0;
  if (compare) {
    const started = performance.now();
    const accumulator = new AttributionAccumulator(ATTRIBUTION_MODEL_IDS, { lookbackDays: all.report.lookbackDays });
    const counts = await store.feedStreamed(
      organizationId,
      { models: ATTRIBUTION_MODEL_IDS, from: null, to: null, lookbackDays: all.report.lookbackDays },
      accumulator,
    );
    streamedMs = performance.now() - started;
    equalToStreamed =
      counts.journeyCount === all.report.journeyCount && sameCredits(all.report.credits, accumulator.result());
    log(`  streamed full computation, all models: ${(streamedMs / 1000).toFixed(1)} s; equal: ${equalToStreamed}`);
  }
  return {
    journeys,
    oneModelSeconds: seconds(one.elapsed),
    allModelsSeconds: seconds(all.elapsed),
    equalToStreamed,
    streamedAllModelsSeconds: seconds(streamedMs),
    loadSeconds: seconds(loadMs),
    foldSeconds: seconds(foldMs),
    aggregateRows,
  };
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
