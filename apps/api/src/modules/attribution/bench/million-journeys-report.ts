/**
 * A report over 1,000,000 stored journeys, in the API's default heap.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test pnpm bench:report [journeys]
 *
 * Creates a scratch database on that server (dropped at the end; embedded PGlite without
 * DATABASE_URL), inserts the journeys and their touches with generate_series, runs reports through
 * the same service as runAttribution, and prints the times and the process's peak memory.
 */
import { performance } from 'node:perf_hooks';
import { ATTRIBUTION_MODEL_IDS, type AttributionModelId } from '@aa/attribution';
import { createApp } from '../../../app.js';
import { loadConfigWith } from '../../../config/env.js';
import { scratchServerUrl } from '../../../config/tooling-env.js';
import { sql, withPgTransaction } from '../../../db/sql.js';
import { createScratchDatabase } from '../../../test/scratch-database.js';
import { TestSubscriptions } from '../test-fixtures.js';

const JOURNEYS = Number(process.argv[2] ?? 1_000_000);

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

const mib = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

const scratch = await createScratchDatabase(scratchServerUrl());
const subscriptions = new TestSubscriptions({
  start: new Date(Date.now() - 86_400_000),
  end: new Date(Date.now() + 29 * 86_400_000),
});
const app = await createApp(loadConfigWith({ DATABASE_URL: scratch.url, LOG_LEVEL: 'warn' }), { subscriptions });
try {
  const { viewer } = await app.services.accounts.signUp({
    email: 'bench@example.com',
    password: 'bench-password-1',
    organizationName: 'Bench',
  });
  const organizationId = viewer.organization.id;
  const insertStarted = performance.now();
  const touches = await withPgTransaction(app.orm, 'read write', async (client) => {
    await client.query(INSERT_JOURNEYS, [organizationId, JOURNEYS]);
    return (await client.query(INSERT_TOUCHES, [organizationId, CHANNELS])).rowCount ?? 0;
  });
  await sql(app.orm, 'analyze journey, touch');
  const insertMs = performance.now() - insertStarted;
  subscriptions.subscribe(organizationId, 'SCALE');
  console.log(
    `inserted ${JOURNEYS.toLocaleString('en-US')} journeys, ${touches.toLocaleString('en-US')} touches in ${seconds(insertMs)}`,
  );

  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    peakHeap = Math.max(peakHeap, heapUsed);
  }, 20);
  for (const models of [['LAST_TOUCH'], ATTRIBUTION_MODEL_IDS] satisfies Array<readonly AttributionModelId[]>) {
    const started = performance.now();
    const report = await app.services.attribution.runs.run(
      organizationId,
      await app.services.entitlements.forOrganization(organizationId),
      { models },
    );
    const elapsed = performance.now() - started;
    const conversions = report.credits[0]!.totals.conversions;
    console.log(
      `report, ${models.length} model(s): ${report.journeyCount.toLocaleString('en-US')} journeys in ${seconds(elapsed)} ` +
        `(${Math.round(report.journeyCount / (elapsed / 1000)).toLocaleString('en-US')} journeys/s), ${conversions.toLocaleString('en-US')} conversions`,
    );
  }
  clearInterval(sampler);
  const heapLimit = (await import('node:v8')).getHeapStatistics().heap_size_limit;
  console.log(
    `peak RSS ${mib(peakRss)} (resourceUsage maxRSS ${mib(process.resourceUsage().maxRSS * 1024)}), peak heap used ${mib(peakHeap)} of a ${mib(heapLimit)} default heap limit`,
  );
} finally {
  await app.close();
  await scratch.dispose();
}
