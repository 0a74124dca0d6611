import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';

export interface ScratchDatabase {
  url: string;
  kind: 'postgres' | 'pglite';
  dispose(): Promise<void>;
}

/**
 * A database nobody else uses: `aa_test_<random>` on the server of `serverUrl` (dropped on dispose),
 * or, without a server, an embedded PGlite in a temp dir. Tests and the bench run side by side
 * with other engineers' runs on one server, so they never share a database.
 */
export async function createScratchDatabase(serverUrl: string | undefined): Promise<ScratchDatabase> {
  return serverUrl ? createOnServer(serverUrl) : startScratchPglite();
}

async function createOnServer(serverUrl: string): Promise<ScratchDatabase> {
  const name = `aa_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'postgres',
    async dispose() {
      await withClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function startScratchPglite(): Promise<ScratchDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'aa-pglite-'));
  const embedded = await startEmbeddedPostgres(dataDir, 64);
  return {
    url: embedded.url,
    kind: 'pglite',
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
