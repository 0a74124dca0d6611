/**
 * The bench's server child: the production app (every module, real subscription lookups) plus the
 * unmetered control field, on BENCH_DATABASE_URL, talking to the bench's Stripe emulator process
 * (STRIPE_* as a deployment sets them), logging at info to BENCH_LOG_FILE. Prints `listening <url>` once it serves.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pino } from 'pino';
import { createApp } from '../app.js';
import { loadConfig } from '../config/env.js';
import { createLogger } from '../observability/logger.js';
import { API_MODULES } from '../modules/index.js';
import { UnmeteredJourneysResolver } from './unmetered-journeys.resolver.js';

const app = await createApp(
  loadConfig({
    DATABASE_URL: process.env.BENCH_DATABASE_URL,
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    // The bench measures the API, not its rate limits.
    RATE_LIMIT_API_KEY: '1000000/1s',
    RATE_LIMIT_ORGANIZATION: '1000000/1s',
    RATE_LIMIT_ANONYMOUS: '1000000/1s',
    RATE_LIMIT_SIGN_UP: '1000000/1s',
    // Stripe is the emulator child (bench/stripe-emulator.ts), reached over HTTP like api.stripe.com.
    STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY,
    STRIPE_API_BASE: process.env.STRIPE_API_BASE,
    STRIPE_WEBHOOK_SECRET: process.env.STRIPE_WEBHOOK_SECRET,
    STRIPE_PRICE_ID_PRO: process.env.STRIPE_PRICE_ID_PRO,
    STRIPE_PRICE_ID_SCALE: process.env.STRIPE_PRICE_ID_SCALE,
    RECONCILE_SCHEDULE: 'off',
  }),
  {
    modules: [...API_MODULES, { name: 'bench', entities: [], resolvers: [UnmeteredJourneysResolver] }],
    // Its request log goes to a file, as a deployment's goes to its collector: piped to the bench's
    // load process, every line would take that process's CPU from the load it sends.
    log: createLogger('info', logFile(process.env.BENCH_LOG_FILE!)),
  },
);
function logFile(path: string) {
  mkdirSync(dirname(path), { recursive: true });
  return pino.destination({ dest: path, sync: false, minLength: 8192, append: false });
}

const { url } = await app.listen(0);
console.log(`listening ${url}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
