/**
 * `pnpm bench`: the production server (bench-server.ts, a child process on a scratch PostgreSQL
 * database, its Stripe the emulator in another child) driven from this separate load process. Every
 * row is measured beside its reference in the same run, in interleaved rounds. Prints one table (with
 * the engine's and the SPA's figures that `pnpm bench` measured just before, from bench-results/) and
 * writes bench-results.json at the repository root (git-ignored).
 * Needs DATABASE_URL's server (a scratch `aa_test_<random>` database is made and dropped).
 * Options: --seconds S per round and side (default 3), --rounds R (default 4), --concurrency C (default 16),
 * --rows planLimit,hotOrg,graphql,webhooks (default all), --cpu-prof DIR (the API child and the reference servers
 * write CPU profiles into DIR/api, DIR/minimal-apollo and DIR/verify-only, one per thread: the main thread's
 * is the larger),
 * --report-journeys N (default 1,000,000; 0 leaves the report row out).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { API_VERSION } from '@aa/stripe-emulator';
import pg from 'pg';
import Stripe from 'stripe';
import { REPO_ROOT } from '../config/repo-paths.js';
import { scratchServerUrl } from '../config/tooling-env.js';
import { measureMillionJourneyReport } from '../modules/attribution/bench/million-journeys-report.js';
import { stripeSubscriptionIds, webhookLogCounts } from '../modules/billing/bench/webhook-log-reads.js';
import { createScratchDatabase } from '../test/scratch-database.js';
import { cpuBetween, cpuMs, cpuReading, machineBusyMs, peakRssMb, rssMb, startChild, type Child } from './children.js';
import { metric, organizationWithKey, subscribe, webhookLogSettled, type EmulatorInfo } from './bench-setup.js';
import { drive, graphql, rateColumns, rateFigures, Series, type Sample } from './load.js';
import {
  fixed,
  formatTable,
  readStored,
  reportRows,
  RESULTS_FILE,
  storedRows,
  type EngineFigures,
  type FirstLoadFigures,
  type ReportFigures,
  type TableRow,
} from './bench-report.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '4' },
    concurrency: { type: 'string', default: '16' },
    rows: { type: 'string', default: 'planLimit,hotOrg,graphql,webhooks' },
    'cpu-prof': { type: 'string' },
    'report-journeys': { type: 'string', default: '1000000' },
  },
});
const ROW_GROUPS = new Set(values.rows.split(','));
const REPORT_JOURNEYS = Number(values['report-journeys']);
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const CONCURRENCY = Number(values.concurrency);
const ORGANIZATIONS = 100;
// FREE's 500 runs a period: a hot-organization round starts on a fresh organization and stays under it.
const HOT_ROUND_CALLS = 450;

/** Calls in flight as --concurrency says. */
const driveLoad = (call: (index: number) => Promise<void>, limit: { seconds?: number; calls?: number }) =>
  drive(call, { ...limit, concurrency: CONCURRENCY });

const TRACK = 'mutation ($input: JourneyInput!) { trackJourney(input: $input) { journeyId } }';
const TRACK_UNMETERED = 'mutation ($input: JourneyInput!) { trackJourneyUnmetered(input: $input) { journeyId } }';
const PLANS = '{ plans { tier } }';
const JOURNEY = {
  touches: [
    { channel: 'email', at: new Date(Date.now() - 3 * 86_400_000).toISOString() },
    { channel: 'search', at: new Date(Date.now() - 86_400_000).toISOString() },
  ],
  convertedAt: new Date(Date.now() - 60_000).toISOString(),
  value: 42,
};

const HOT_ROW = `
  insert into bench_hot_row (id, used) values (1, 1)
  on conflict (id) do update set used = bench_hot_row.used + 1 where bench_hot_row.used + 1 <= $1
  returning used`;

const WEBHOOK_SECRET = `whsec_bench${randomBytes(12).toString('hex')}`;
/** Organizations that subscribe (Checkout, paid in the emulator) so their subscription events are real. */
const WEBHOOK_ORGANIZATIONS = 20;
const RUN = randomBytes(4).toString('hex');
const PROCESSED_UPDATES = 'type="customer.subscription.updated",status="processed"';

/**
 * The report row: the attribution module's own measurement (a scratch database of its own, 1,000,000
 * journeys stored and folded, one model and all ten run through the runAttribution service, checked
 * equal to the streamed computation), run in this process after the HTTP rows so it disturbs none.
 */
async function millionJourneyReport(): Promise<ReportFigures> {
  if (REPORT_JOURNEYS === 0) return { oneModelSeconds: null, allModelsSeconds: null, peakRssMb: null };
  return measureMillionJourneyReport(scratchServerUrl(), {
    journeys: REPORT_JOURNEYS,
    growth: [],
    log: (line) => console.log(`report: ${line}`),
  });
}

const scratch = await createScratchDatabase(scratchServerUrl());
if (scratch.kind !== 'postgres') throw new Error('pnpm bench needs PostgreSQL: set DATABASE_URL');
const children: Child[] = [];
const API_LOG_FILE = join(REPO_ROOT, 'bench-results', 'api-server.log');
const pool = new pg.Pool({ connectionString: scratch.url, max: CONCURRENCY });
const benchStarted = performance.now();
try {
  const stripeChild = await startChild('./stripe-emulator.ts', { BENCH_WEBHOOK_SECRET: WEBHOOK_SECRET });
  children.push(stripeChild);
  const info = (await (await fetch(`${stripeChild.url}/_emulator/info`)).json()) as EmulatorInfo;
  const cpuProf = values['cpu-prof'];
  // Node writes each child's profiles when it exits: DIR/api/ beside its references' folders.
  const profiled = (name: string) =>
    // A directory per child: tsx's loader thread writes a profile of its own beside the main thread's.
    cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${join(cpuProf, name)}`] : [];
  const api = await startChild(
    './bench-server.ts',
    {
      BENCH_DATABASE_URL: scratch.url,
      BENCH_LOG_FILE: API_LOG_FILE,
      STRIPE_SECRET_KEY: info.secretKey,
      STRIPE_API_BASE: stripeChild.url,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_PRICE_ID_PRO: info.priceIds.PRO,
      STRIPE_PRICE_ID_SCALE: info.priceIds.SCALE,
    },
    profiled('api'),
  );
  children.push(api);
  const apollo = await startChild('./minimal-apollo.ts', {}, profiled('minimal-apollo'));
  const verifyOnly = await startChild(
    './verify-only-webhooks.ts',
    { BENCH_WEBHOOK_SECRET: WEBHOOK_SECRET },
    profiled('verify-only'),
  );
  children.push(apollo, verifyOnly);
  await fetch(`${stripeChild.url}/_emulator/webhook_endpoints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url: `${api.url}/webhooks/stripe` }),
  });
  await pool.query('create table bench_hot_row (id int primary key, used bigint not null)');

  const organizations: Array<{ apiKey: string }> = [];
  if (ROW_GROUPS.has('planLimit'))
    for (let index = 0; index < ORGANIZATIONS; index++) organizations.push(await organizationWithKey(api.url));
  const bearer = ({ apiKey }: { apiKey: string }) => ({ authorization: `Bearer ${apiKey}` });
  const track = (query: string) => async (index: number) => {
    await graphql(api.url, query, { input: JOURNEY }, bearer(organizations[index % ORGANIZATIONS]!));
  };

  // customer.subscription.updated bodies for subscriptions that exist, as Stripe sends them (the
  // subscription as data.object); each delivery gets its own event id and a fresh signature.
  const subscriptionJson: string[] = [];
  let setupApplies = 0;
  if (ROW_GROUPS.has('webhooks')) {
    for (let index = 0; index < WEBHOOK_ORGANIZATIONS; index++) {
      const { cookie } = await organizationWithKey(api.url);
      await subscribe(api.url, stripeChild.url, info, cookie);
    }
    await fetch(`${stripeChild.url}/_emulator/deliveries/idle`, { method: 'POST' });
    await webhookLogSettled(pool, 120_000);
    const stripe = new Stripe(info.secretKey, {
      host: new URL(stripeChild.url).hostname,
      port: Number(new URL(stripeChild.url).port),
      protocol: 'http',
    });
    const ids = await stripeSubscriptionIds(pool);
    if (ids.length !== WEBHOOK_ORGANIZATIONS) throw new Error(`expected ${WEBHOOK_ORGANIZATIONS} subscriptions`);
    for (const id of ids) subscriptionJson.push(JSON.stringify(await stripe.subscriptions.retrieve(id)));
    setupApplies = await metric(api.url, 'aa_stripe_webhook_events_total', PROCESSED_UPDATES);
  }
  let deliveries = 0;
  const ingested = { ours: 0, refused: 0 };
  const deliver = (url: string, ours: boolean) => async () => {
    const n = deliveries++;
    const payload =
      `{"id":"evt_bench_${RUN}_${n}","object":"event","api_version":"${API_VERSION}",` +
      `"created":${Math.floor(Date.now() / 1000)},"type":"customer.subscription.updated","livemode":false,` +
      `"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},` +
      `"data":{"object":${subscriptionJson[n % subscriptionJson.length]}}}`;
    const response = await fetch(`${url}/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }),
      },
      body: payload,
    });
    const answer = (await response.json()) as { status?: string };
    if (!ours) return;
    if (response.status === 200 && answer.status === 'received') ingested.ours += 1;
    else ingested.refused += 1;
  };

  const series = {
    metered: new Series(),
    unmetered: new Series(),
    hot: new Series(),
    hotRow: new Series(),
    plans: new Series(),
    minimalApollo: new Series(),
    webhooks: new Series(),
    verifyOnly: new Series(),
  };
  let hotExact = true;
  /** Seconds the webhook log took to drain after each of our turns (the worker's lag behind ingestion). */
  let webhookDrains: number[] = [];
  const rowsOf: Record<string, Array<[keyof typeof series, () => Promise<Sample>]>> = {
    planLimit: [
      ['metered', () => driveLoad(track(TRACK), { seconds: SECONDS })],
      ['unmetered', () => driveLoad(track(TRACK_UNMETERED), { seconds: SECONDS })],
    ],
    hotOrg: [
      [
        'hot',
        async () => {
          const hot = await organizationWithKey(api.url);
          const sample = await driveLoad(
            async () => {
              await graphql(api.url, TRACK, { input: JOURNEY }, bearer(hot));
            },
            { seconds: SECONDS, calls: HOT_ROUND_CALLS },
          );
          const usage = await graphql(api.url, '{ usage { attributionRuns { used } } }', {}, bearer(hot));
          const used = (usage.data.usage as { attributionRuns: { used: number } }).attributionRuns.used;
          hotExact &&= used === sample.done;
          return sample;
        },
      ],
      [
        'hotRow',
        () =>
          driveLoad(
            async () => {
              await pool.query(HOT_ROW, [Number.MAX_SAFE_INTEGER]);
            },
            { seconds: SECONDS, calls: HOT_ROUND_CALLS },
          ),
      ],
    ],
    graphql: [
      ['plans', () => driveLoad(async () => void (await graphql(api.url, PLANS)), { seconds: SECONDS })],
      ['minimalApollo', () => driveLoad(async () => void (await graphql(apollo.url, PLANS)), { seconds: SECONDS })],
    ],
    webhooks: [
      [
        'webhooks',
        async () => {
          const sample = await driveLoad(deliver(api.url, true), { seconds: SECONDS });
          // The worker's backlog is applied within our turn: the reference never runs beside our leftovers,
          // and our CPU per event includes applying it.
          webhookDrains.push(await webhookLogSettled(pool, 300_000));
          return sample;
        },
      ],
      ['verifyOnly', () => driveLoad(deliver(verifyOnly.url, false), { seconds: SECONDS })],
    ],
  };
  const rows = Object.entries(rowsOf).flatMap(([group, pair]) => (ROW_GROUPS.has(group) ? pair : []));
  // The process whose memory each side's row reports (the hot-row upsert runs in PostgreSQL: none).
  const serving: Partial<Record<keyof typeof series, ChildProcess>> = {
    metered: api.process,
    unmetered: api.process,
    hot: api.process,
    plans: api.process,
    minimalApollo: apollo.process,
    webhooks: api.process,
    verifyOnly: verifyOnly.process,
  };
  const measured = async (name: keyof typeof series, run: () => Promise<Sample>) => {
    const child = serving[name];
    const sampler = setInterval(() => {
      if (child) series[name].peakRssMb = Math.max(series[name].peakRssMb, rssMb(child));
    }, 100);
    const cpuBefore = child ? cpuMs(child) : 0;
    const machineBefore = machineBusyMs();
    const partsBefore = cpuReading(stripeChild.process);
    try {
      return await run();
    } finally {
      clearInterval(sampler);
      if (child) series[name].cpuMs += cpuMs(child) - cpuBefore;
      series[name].machineCpuMs += machineBusyMs() - machineBefore;
      series[name].addParts(cpuBetween(partsBefore, cpuReading(stripeChild.process)));
    }
  };
  const progress = (line: string) =>
    console.error(`bench: ${line} (${fixed((performance.now() - benchStarted) / 1000)} s)`);
  progress('set up; warm-up round');
  for (const [name, run] of rows) await measured(name, run); // warm-up
  for (const one of Object.values(series)) one.resetCpu();
  webhookDrains = [];
  for (let round = 0; round < ROUNDS; round++) {
    progress(`round ${round + 1} of ${ROUNDS}`);
    // Alternate the order so neither side of a pair always runs on a warmer machine.
    for (const [name, run] of round % 2 === 0 ? rows : rows.toReversed()) series[name].add(await measured(name, run));
  }

  // Every event the API took must be applied exactly once: one row each in the log, processed on its
  // first attempt, and one apply counted by the worker per row.
  let webhookCheck: {
    ingested: number;
    rows: number;
    appliedOnce: number;
    applies: number;
    drainSeconds: number;
    appliedPerSecond: number;
  } | null = null;
  if (ROW_GROUPS.has('webhooks')) {
    const drainSeconds = Math.max(await webhookLogSettled(pool, 300_000), ...webhookDrains);
    // Sustained: the rounds' events over the time from each turn's first delivery to its last apply.
    const appliedPerSecond =
      series.webhooks.done / (series.webhooks.seconds + webhookDrains.reduce((sum, seconds) => sum + seconds, 0));
    const logged = await webhookLogCounts(pool, `evt_bench_${RUN}_`);
    // The setup's own subscription events went through the same counter.
    const applies = (await metric(api.url, 'aa_stripe_webhook_events_total', PROCESSED_UPDATES)) - setupApplies;
    webhookCheck = {
      ingested: ingested.ours,
      rows: logged.rows,
      appliedOnce: logged.appliedOnce,
      applies,
      drainSeconds,
      appliedPerSecond,
    };
  }
  const webhooksExact =
    webhookCheck !== null &&
    ingested.refused === 0 &&
    webhookCheck.rows === webhookCheck.ingested &&
    webhookCheck.appliedOnce === webhookCheck.ingested &&
    webhookCheck.applies === webhookCheck.ingested;

  progress('rounds done; the report over stored journeys');
  const report = await millionJourneyReport();
  const engine = readStored<EngineFigures>('engine.json');
  const firstLoad = readStored<FirstLoadFigures>('first-load.json');
  const results = {
    settings: { rounds: ROUNDS, secondsPerSide: SECONDS, concurrency: CONCURRENCY, organizations: ORGANIZATIONS },
    planLimit: rateFigures(series.metered, series.unmetered),
    hotOrg: { ...rateFigures(series.hot, series.hotRow), usedEqualsSuccesses: hotExact },
    graphql: rateFigures(series.plans, series.minimalApollo),
    webhooks: {
      ...rateFigures(series.webhooks, series.verifyOnly),
      appliedExactlyOnce: webhookCheck ? webhooksExact : null,
      ...webhookCheck,
    },
    report,
    engine,
    firstLoad,
    serverPeakRssMb: peakRssMb(api.process),
    referencePeakRssMb: { minimalApollo: peakRssMb(apollo.process), verifyOnly: peakRssMb(verifyOnly.process) },
    stripeEmulatorPeakRssMb: peakRssMb(stripeChild.process),
    apiBenchSeconds: (performance.now() - benchStarted) / 1000,
  };
  const tableRows: TableRow[] = [];
  if (ROW_GROUPS.has('planLimit'))
    tableRows.push({
      figure: `metered trackJourney ÷ unmetered, ${ORGANIZATIONS} organizations`,
      ...rateColumns(series.metered, series.unmetered, 'req/s'),
    });
  if (ROW_GROUPS.has('hotOrg'))
    tableRows.push({
      figure: `one hot organization ÷ bare hot-row upsert (used = successes: ${hotExact})`,
      ...rateColumns(series.hot, series.hotRow, 'req/s'),
    });
  if (ROW_GROUPS.has('graphql'))
    tableRows.push({
      figure: 'anonymous { plans { tier } } ÷ minimal Apollo 5 + Express 5',
      ...rateColumns(series.plans, series.minimalApollo, 'req/s'),
    });
  if (webhookCheck)
    tableRows.push({
      figure:
        `signed customer.subscription.updated ÷ verify-only Express 5 (applied exactly once: ${webhooksExact}, ` +
        `${webhookCheck.appliedOnce}/${webhookCheck.ingested}; applied ${fixed(webhookCheck.appliedPerSecond)} ev/s ` +
        `sustained, the log drained ≤ ${fixed(webhookCheck.drainSeconds, 1)} s after each turn)`,
      ...rateColumns(series.webhooks, series.verifyOnly, 'ev/s'),
    });
  tableRows.push(...reportRows(report), ...storedRows(engine, firstLoad));
  console.log(`\n${formatTable({ settings: results.settings, rows: tableRows })}`);
  console.log(
    `\nAPI server peak RSS ${fixed(results.serverPeakRssMb)} MB; Stripe emulator ${fixed(results.stripeEmulatorPeakRssMb)} MB; ` +
      `this part of the bench took ${fixed(results.apiBenchSeconds)} s`,
  );
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${RESULTS_FILE}`);
} finally {
  for (const child of children) child.process.kill('SIGTERM');
  await Promise.all(children.map((child) => new Promise((resolve) => child.process.once('exit', resolve))));
  await pool.end();
  await scratch.dispose();
}
