import type { TestProject } from 'vitest/node';
import { scratchServerUrl } from '../config/tooling-env.js';
import { openDatabase } from '../db/database.js';
import { API_MODULES } from '../modules/index.js';
import { entitiesOf } from '../modules/module.js';
import { createLogger } from '../observability/logger.js';
import { createScratchDatabase } from './scratch-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database of this test run only, already migrated. */
    databaseUrl: string;
  }
}

/** One fresh, migrated database per run (see createScratchDatabase); dropped when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scratch = await createScratchDatabase(scratchServerUrl());
  // Migrating once here means the apps the test files boot never race to create the same tables.
  const db = await openDatabase(
    { mode: 'external', url: scratch.url, poolSize: 2 },
    entitiesOf(API_MODULES),
    createLogger('warn'),
  );
  await db.close();
  project.provide('databaseUrl', scratch.url);
  return () => scratch.dispose();
}
