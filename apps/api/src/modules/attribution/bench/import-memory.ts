/**
 * The memory a large REST import costs the API: 500 journeys of 1,000 touches each (about 27 MB).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
 *     pnpm --filter @aa/api exec tsx --expose-gc --conditions=source src/modules/attribution/bench/import-memory.ts
 *
 * Writes the CSV to a temporary file and streams it from disk to POST /imports/journeys, so the
 * client side holds no copy; prints the process's RSS before, at its peak during, and after the import.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { JOURNEYS_HEADER } from '@aa/attribution';
import { createApp } from '../../../app.js';
import { loadConfigWith } from '../../../config/env.js';
import { scratchServerUrl } from '../../../config/tooling-env.js';
import { createScratchDatabase } from '../../../test/scratch-database.js';

const JOURNEYS = 500;
const TOUCHES = 1_000;
const START_MS = Date.parse('2026-03-01T00:00:00Z');

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The file's lines, generated as they are written: the bench's own memory stays out of the figures. */
function* journeysCsv(): Generator<string> {
  yield `${JOURNEYS_HEADER}\n`;
  for (let journey = 0; journey < JOURNEYS; journey++) {
    for (let touch = 0; touch < TOUCHES; touch++) {
      const at = new Date(START_MS + touch * 60_000).toISOString().replace('.000Z', 'Z');
      yield `j${journey},c${touch % 40},${at},,2026-03-02T00:00:00Z,10\n`;
    }
  }
}

const directory = await mkdtemp(join(tmpdir(), 'import-memory-'));
const file = join(directory, 'journeys.csv');
await pipeline(Readable.from(journeysCsv()), createWriteStream(file));
const scratch = await createScratchDatabase(scratchServerUrl());
const app = await createApp(loadConfigWith({ DATABASE_URL: scratch.url, LOG_LEVEL: 'warn' }));
try {
  const { url } = await app.listen(0);
  const { sessionToken } = await app.services.accounts.signUp({
    email: 'bench@example.com',
    password: 'bench-password-1',
    organizationName: 'Bench',
  });
  globalThis.gc?.();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heapUsed: before.heapUsed };
  const sampler = setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    peak.rss = Math.max(peak.rss, rss);
    peak.heapUsed = Math.max(peak.heapUsed, heapUsed);
  }, 10);
  const response = await fetch(`${url}/imports/journeys?fileName=journeys.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', cookie: `aa_session=${sessionToken}` },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const body = await response.text();
  clearInterval(sampler);
  globalThis.gc?.();
  const after = process.memoryUsage();
  console.log(`import of ${mib((await stat(file)).size)}: HTTP ${response.status} ${body.slice(0, 120)}`);
  for (const measure of ['rss', 'heapUsed'] as const) {
    console.log(
      `${measure}: before ${mib(before[measure])}, peak during ${mib(peak[measure])}, after ${mib(after[measure])}`,
    );
  }
} finally {
  await app.close();
  await scratch.dispose();
  await rm(directory, { recursive: true, force: true });
}
