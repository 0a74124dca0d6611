/**
 * `pnpm bench`: trackJourney throughput through @planLimit and through the same resolver without it,
 * measured side by side in one run (interleaved rounds, so both see the same machine load).
 * Runs against a scratch database: `aa_test_<random>` on DATABASE_URL's server, else embedded PGlite.
 * Options: --requests N (per variant, default 2000) --concurrency C (default 16).
 */
import { parseArgs } from 'node:util';
import { createApp } from '../app.js';
import { loadConfig } from '../config/env.js';
import { scratchServerUrl } from '../config/tooling-env.js';
import { API_MODULES } from '../modules/index.js';
import type { SubscriptionLookup } from '../modules/entitlements/index.js';
import { createScratchDatabase } from '../test/scratch-database.js';
import { UnmeteredJourneysResolver } from './unmetered-journeys.resolver.js';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '16' } },
});
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const ROUNDS = 10;

// SCALE's 25,000 runs keep the metered variant under its limit for the whole bench.
const scaleForever: SubscriptionLookup = {
  activeSubscription: async () => ({
    id: 'bench',
    stripeSubscriptionId: 'sub_bench',
    tier: 'SCALE',
    status: 'active',
    periodStart: new Date(Date.UTC(2000, 0, 1)),
    periodEnd: new Date(Date.UTC(2100, 0, 1)),
    cancelAtPeriodEnd: false,
  }),
};

const JOURNEY = {
  touches: [
    { channel: 'email', at: new Date(Date.now() - 3 * 86_400_000).toISOString() },
    { channel: 'search', at: new Date(Date.now() - 86_400_000).toISOString() },
  ],
  convertedAt: new Date().toISOString(),
  value: 42,
};
const VARIANTS = {
  'with @planLimit': 'mutation ($input: JourneyInput!) { trackJourney(input: $input) { journeyId } }',
  'without (same resolver)': 'mutation ($input: JourneyInput!) { trackJourneyUnmetered(input: $input) { journeyId } }',
} as const;
type Variant = keyof typeof VARIANTS;

async function post(url: string, query: string, variables: object, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`bench request failed: ${JSON.stringify(body.errors)}`);
  return { body, response };
}

async function run(url: string, apiKey: string, variant: Variant, count: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next++ < count)
      await post(url, VARIANTS[variant], { input: JOURNEY }, { authorization: `Bearer ${apiKey}` });
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return performance.now() - started;
}

const scratch = await createScratchDatabase(scratchServerUrl());
// The bench measures the API, not its rate limits: one key sends thousands of calls a second.
const UNLIMITED = { RATE_LIMIT_API_KEY: '1000000/1s', RATE_LIMIT_ORGANIZATION: '1000000/1s' };
const app = await createApp(
  loadConfig({ DATABASE_URL: scratch.url, LOG_LEVEL: 'silent', HOST: '127.0.0.1', ...UNLIMITED }),
  {
    subscriptions: scaleForever,
    modules: [...API_MODULES, { name: 'bench', entities: [], resolvers: [UnmeteredJourneysResolver] }],
  },
);
try {
  const { url } = await app.listen(0);
  const signUp = await post(url, 'mutation ($input: SignUpInput!) { signUp(input: $input) { role } }', {
    input: { email: `bench-${Date.now()}@example.com`, password: 'bench password 123', organizationName: 'Bench' },
  });
  const cookie = signUp.response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  const created = await post(url, 'mutation { createApiKey(name: "bench") { secret } }', {}, { cookie });
  const apiKey: string = created.body.data.createApiKey.secret;

  const elapsed: Record<Variant, number> = { 'with @planLimit': 0, 'without (same resolver)': 0 };
  for (const variant of Object.keys(VARIANTS) as Variant[]) await run(url, apiKey, variant, 50); // warm-up
  const perRound = Math.ceil(REQUESTS / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which variant goes first so neither always runs on a warmer cache.
    const variants = Object.keys(VARIANTS) as Variant[];
    const order = round % 2 === 0 ? variants : variants.toReversed();
    for (const variant of order) elapsed[variant] += await run(url, apiKey, variant, perRound);
  }

  const rate = (variant: Variant) => (perRound * ROUNDS) / (elapsed[variant] / 1000);
  const metered = rate('with @planLimit');
  const unmetered = rate('without (same resolver)');
  console.log(
    `\ntrackJourney over HTTP: ${perRound * ROUNDS} requests per variant, ${CONCURRENCY} in flight, ${ROUNDS} interleaved rounds, database: ${scratch.kind}`,
  );
  console.log(`  with @planLimit          ${metered.toFixed(0).padStart(6)} req/s`);
  console.log(`  without (same resolver)  ${unmetered.toFixed(0).padStart(6)} req/s`);
  console.log(`  ratio with/without       ${(metered / unmetered).toFixed(2)}\n`);
} finally {
  await app.close();
  await scratch.dispose();
}
