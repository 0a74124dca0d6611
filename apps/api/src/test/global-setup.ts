import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { API_MODULES } from '../modules/index.js';
import { createLogger } from '../observability/logger.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database of this test run only, already migrated. */
    databaseUrl: string;
  }
}

/**
 * One fresh database per run: engineers and CI run suites side by side on the same server, so a
 * run never shares a database. With DATABASE_URL unset, an embedded PGlite in a temp dir.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL;
  const { url, dispose } = serverUrl ? await createScratchDatabase(serverUrl) : await startScratchPglite();
  const db = await openDatabase({ mode: 'external', url, poolSize: 2 }, API_MODULES.flatMap((module) => module.entities), createLogger('warn'));
  await db.close();
  project.provide('databaseUrl', url);
  return dispose;
}

async function createScratchDatabase(serverUrl: string): Promise<{ url: string; dispose: () => Promise<void> }> {
  const name = `aa_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async dispose() {
      await withClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function startScratchPglite(): Promise<{ url: string; dispose: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'aa-pglite-'));
  const embedded = await startEmbeddedPostgres(dataDir, 64);
  return {
    url: embedded.url,
    async dispose() {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
