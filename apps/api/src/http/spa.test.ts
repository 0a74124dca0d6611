import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';

// A chunk big enough to be worth compressing, named by its hash as Vite names it.
const CHUNK = `export const routes = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ path: `/route-${i}` })))};`;

let t: TestApp;
let webDist: string;
beforeAll(async () => {
  webDist = await mkdtemp(join(tmpdir(), 'aa-web-'));
  await mkdir(join(webDist, 'assets'));
  await writeFile(join(webDist, 'index.html'), '<!doctype html><title>Attribution Analytics</title>');
  await writeFile(join(webDist, 'assets', 'index-Dr8qTTIc.js'), CHUNK);
  await writeFile(join(webDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await startTestApp({ env: { WEB_DIST_DIR: webDist } });
});
afterAll(async () => {
  await t?.stop();
  await rm(webDist, { recursive: true, force: true });
});

describe('the SPA as the API serves it', () => {
  it('compresses a hashed chunk (brotli, else gzip) and lets browsers keep it for a year', async () => {
    for (const [accepted, encoding] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
    ]) {
      const response = await fetch(`${t.url}/assets/index-Dr8qTTIc.js`, { headers: { 'accept-encoding': accepted! } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
      // fetch decodes the body: the bytes are the chunk's.
      expect(await response.text()).toBe(CHUNK);
    }
  });

  it('makes browsers revalidate index.html and unhashed files, on every client route', async () => {
    for (const path of ['/', '/index.html', '/settings', '/favicon.svg']) {
      const response = await fetch(`${t.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('leaves the API paths to the API: GraphQL answers are not cached as SPA files', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ plans { tier } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).not.toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(((await response.json()) as { data: { plans: unknown[] } }).data.plans.length).toBeGreaterThan(0);
  });
});
