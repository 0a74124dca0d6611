/**
 * `pnpm bench`: the production server (bench-server.ts, a child process on a scratch PostgreSQL
 * database) driven from this separate load process. Every row is measured beside its reference in
 * the same run, in interleaved rounds. Prints one table and writes bench-results.json (git-ignored).
 * Needs DATABASE_URL's server (a scratch `aa_test_<random>` database is made and dropped).
 * Options: --seconds S per round and side (default 3), --rounds R (default 4), --concurrency C (default 16).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { scratchServerUrl } from '../config/tooling-env.js';
import { createScratchDatabase } from '../test/scratch-database.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '4' },
    concurrency: { type: 'string', default: '16' },
  },
});
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const CONCURRENCY = Number(values.concurrency);
const ORGANIZATIONS = 100;
// FREE's 500 runs a period: a hot-organization round starts on a fresh organization and stays under it.
const HOT_ROUND_CALLS = 450;

interface Child {
  url: string;
  process: ChildProcess;
}

/** Starts a bench child with tsx and waits for its `listening <url>` line. */
async function startChild(file: string, env: Record<string, string>): Promise<Child> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', new URL(file, import.meta.url).pathname],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before listening`)));
    lines.on('line', (line) => {
      if (line.startsWith('listening ')) resolve(line.slice('listening '.length));
    });
  });
  return { url, process: child };
}

function peakRssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function graphql(url: string, query: string, variables: object = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(`bench request failed: ${JSON.stringify(body.errors)}`);
  return { data: body.data ?? {}, response };
}

/** Throughput and latencies of `call` at `concurrency` in flight, for `calls` calls or `seconds`. */
interface Sample {
  done: number;
  ms: number;
  latencies: number[];
}

async function drive(
  call: (index: number) => Promise<void>,
  limit: { seconds?: number; calls?: number },
): Promise<Sample> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + (limit.seconds ?? Infinity) * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < deadline && next < (limit.calls ?? Infinity)) {
      const index = next++;
      const at = performance.now();
      await call(index);
      latencies.push(performance.now() - at);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { done: latencies.length, ms: performance.now() - started, latencies };
}

class Series {
  readonly samples: Sample[] = [];
  add(sample: Sample) {
    this.samples.push(sample);
  }
  get rate() {
    const done = this.samples.reduce((sum, sample) => sum + sample.done, 0);
    return done / (this.samples.reduce((sum, sample) => sum + sample.ms, 0) / 1000);
  }
  percentile(p: number) {
    const all = this.samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b);
    return all[Math.min(all.length - 1, Math.floor((p / 100) * all.length))] ?? NaN;
  }
}

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

let signUps = 0;
async function organizationWithKey(url: string): Promise<{ apiKey: string }> {
  const signUp = await graphql(url, 'mutation ($input: SignUpInput!) { signUp(input: $input) { role } }', {
    input: {
      email: `bench-${Date.now()}-${signUps++}@example.com`,
      password: 'bench password 123',
      organizationName: 'Bench',
    },
  });
  const cookie = signUp.response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const created = await graphql(url, 'mutation { createApiKey(name: "bench") { secret } }', {}, { cookie });
  return { apiKey: (created.data.createApiKey as { secret: string }).secret };
}

const HOT_ROW = `
  insert into bench_hot_row (id, used) values (1, 1)
  on conflict (id) do update set used = bench_hot_row.used + 1 where bench_hot_row.used + 1 <= $1
  returning used`;

const scratch = await createScratchDatabase(scratchServerUrl());
if (scratch.kind !== 'postgres') throw new Error('pnpm bench needs PostgreSQL: set DATABASE_URL');
const children: Child[] = [];
const pool = new pg.Pool({ connectionString: scratch.url, max: CONCURRENCY });
try {
  const api = await startChild('./bench-server.ts', { BENCH_DATABASE_URL: scratch.url });
  const apollo = await startChild('./minimal-apollo.ts', {});
  children.push(api, apollo);
  await pool.query('create table bench_hot_row (id int primary key, used bigint not null)');

  const organizations: Array<{ apiKey: string }> = [];
  for (let index = 0; index < ORGANIZATIONS; index++) organizations.push(await organizationWithKey(api.url));
  const bearer = ({ apiKey }: { apiKey: string }) => ({ authorization: `Bearer ${apiKey}` });
  const track = (query: string) => async (index: number) => {
    await graphql(api.url, query, { input: JOURNEY }, bearer(organizations[index % ORGANIZATIONS]!));
  };

  const series = {
    metered: new Series(),
    unmetered: new Series(),
    hot: new Series(),
    hotRow: new Series(),
    plans: new Series(),
    minimalApollo: new Series(),
  };
  let hotExact = true;
  const rows: Array<[keyof typeof series, () => Promise<Sample>]> = [
    ['metered', () => drive(track(TRACK), { seconds: SECONDS })],
    ['unmetered', () => drive(track(TRACK_UNMETERED), { seconds: SECONDS })],
    [
      'hot',
      async () => {
        const hot = await organizationWithKey(api.url);
        const sample = await drive(
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
        drive(
          async () => {
            await pool.query(HOT_ROW, [Number.MAX_SAFE_INTEGER]);
          },
          { seconds: SECONDS, calls: HOT_ROUND_CALLS },
        ),
    ],
    ['plans', () => drive(async () => void (await graphql(api.url, PLANS)), { seconds: SECONDS })],
    ['minimalApollo', () => drive(async () => void (await graphql(apollo.url, PLANS)), { seconds: SECONDS })],
  ];
  for (const [, run] of rows) await run(); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate the order so neither side of a pair always runs on a warmer machine.
    for (const [name, run] of round % 2 === 0 ? rows : rows.toReversed()) series[name].add(await run());
  }

  const ratio = (ours: Series, reference: Series) => ours.rate / reference.rate;
  const results = {
    planLimit: {
      ratio: ratio(series.metered, series.unmetered),
      ours: series.metered.rate,
      reference: series.unmetered.rate,
    },
    hotOrg: {
      ratio: ratio(series.hot, series.hotRow),
      ours: series.hot.rate,
      reference: series.hotRow.rate,
      usedEqualsSuccesses: hotExact,
    },
    graphql: {
      ratio: ratio(series.plans, series.minimalApollo),
      ours: series.plans.rate,
      reference: series.minimalApollo.rate,
    },
    webhooks: { ratio: null },
    report: { oneModelSeconds: null, allModelsSeconds: null },
    serverPeakRssMb: peakRssMb(api.process),
  };
  const line = (figure: string, ours: Series, reference: Series, unit: string) =>
    `| ${figure} | ${reference.rate.toFixed(0)} ${unit} | ${ours.rate.toFixed(0)} ${unit} (p50 ${ours.percentile(50).toFixed(1)} ms, p99 ${ours.percentile(99).toFixed(1)} ms) | ${ratio(ours, reference).toFixed(2)} |`;
  console.log(
    `\n${ROUNDS} interleaved rounds, ${CONCURRENCY} in flight, ${ORGANIZATIONS} organizations, PostgreSQL scratch database\n`,
  );
  console.log('| figure | reference in the same run | ours | ratio |\n|---|---|---|---|');
  console.log(line('metered trackJourney ÷ unmetered, 100 organizations', series.metered, series.unmetered, 'req/s'));
  console.log(
    line(
      `one hot organization ÷ bare hot-row upsert (used = successes: ${hotExact})`,
      series.hot,
      series.hotRow,
      'req/s',
    ),
  );
  console.log(
    line('anonymous { plans { tier } } ÷ minimal Apollo 5 + Express 5', series.plans, series.minimalApollo, 'req/s'),
  );
  console.log('| webhooks, report over 1,000,000 journeys | not measured yet | | |');
  console.log(`\nserver peak RSS ${results.serverPeakRssMb.toFixed(0)} MB`);
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote ${process.cwd()}/bench-results.json`);
} finally {
  for (const child of children) child.process.kill('SIGTERM');
  await Promise.all(children.map((child) => new Promise((resolve) => child.process.once('exit', resolve))));
  await pool.end();
  await scratch.dispose();
}
