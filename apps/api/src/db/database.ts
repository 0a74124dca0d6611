import type { EntitySchema } from '@mikro-orm/postgresql';
import type { DatabaseConfig } from '../config/database.js';
import type { Logger } from '../observability/logger.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { applyMigrations, initOrm, type Orm } from './orm.js';
import { usePreparedStatementsUnlessShared } from './sql.js';

export interface Database {
  readonly orm: Orm;
  readonly mode: DatabaseConfig['mode'];
  /** The connection string, for tools that open their own connections (the embedded server's in embedded mode). */
  readonly url: string;
  /** Runs `select 1`: the readiness probe. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the configured database (starting the embedded one if needed) and applies pending migrations. */
export async function openDatabase(config: DatabaseConfig, entities: EntitySchema[], log: Logger): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let url: string;
  if (config.mode === 'embedded') {
    // A few spare connections beyond the pool: the reconciliation scheduler (pg-boss) and ad-hoc tools.
    embedded = await startEmbeddedPostgres(config.dataDir, config.poolSize + 4);
    url = embedded.url;
    log.info({ dataDir: config.dataDir }, 'database: embedded PGlite (DATABASE_URL unset)');
  } else {
    url = config.url;
    log.info({ host: new URL(config.url).host }, 'database: external PostgreSQL (DATABASE_URL)');
  }
  const orm = await initOrm(url, entities, config.poolSize, log);
  try {
    await usePreparedStatementsUnlessShared(orm);
    const applied = await applyMigrations(orm);
    if (applied.length > 0) log.info({ migrations: applied }, 'database: migrations applied');
  } catch (error) {
    await orm.close(true);
    await embedded?.stop();
    throw error;
  }
  return {
    orm,
    mode: config.mode,
    url,
    async ping() {
      await orm.em.fork().execute('select 1');
    },
    async close() {
      await orm.close(true);
      await embedded?.stop();
    },
  };
}
