import { MikroORM, type EntitySchema } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from '../observability/logger.js';
import { MIGRATIONS } from './migrations/index.js';

export type Orm = MikroORM;

export async function initOrm(url: string, entities: EntitySchema[], poolSize: number, log: Logger): Promise<Orm> {
  return MikroORM.init({
    clientUrl: url,
    entities,
    pool: { min: 0, max: poolSize },
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, snapshot: false, silent: true, transactional: true, allOrNothing: true },
    // Schema comes from the committed migrations, never from entity discovery.
    ensureDatabase: false,
    debug: false,
    // ORM messages (e.g. "Applied migration …") go through our JSON logger instead of the console.
    logger: (message) => log.debug(message),
  });
}

export async function applyMigrations(orm: Orm): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}
