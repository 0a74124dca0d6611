import { ConfigError, loadConfig } from '../config/env.js';
import { API_MODULES } from '../modules/index.js';
import { createLogger } from '../observability/logger.js';
import { openDatabase } from './database.js';

// `pnpm db:migrate`: opening the database applies pending migrations; nothing else starts.
try {
  const config = loadConfig();
  const log = createLogger(config.server.logLevel);
  const db = await openDatabase(config.database, API_MODULES.flatMap((module) => module.entities), log);
  log.info('database: up to date');
  await db.close();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
