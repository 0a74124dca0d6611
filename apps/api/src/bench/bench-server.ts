/**
 * The bench's server child: the production app (every module, real subscription lookups) plus the
 * unmetered control field, on BENCH_DATABASE_URL. Prints `listening <url>` once it serves.
 */
import { createApp } from '../app.js';
import { loadConfig } from '../config/env.js';
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
  }),
  { modules: [...API_MODULES, { name: 'bench', entities: [], resolvers: [UnmeteredJourneysResolver] }] },
);
const { url } = await app.listen(0);
console.log(`listening ${url}`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
