import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  countsOf,
  meteredLoadWithTerminations,
  signUpOverHttp,
  successesOf,
  trackOverHttp,
} from '../test/fault-kit.js';
import { startTestApp, type TestApp } from '../test/harness.js';

/*
 * The database ends the API's connections again and again during metered load (a failover, an
 * administrator's pg_terminate_backend). Calls may fail, but never half: every success is one unit
 * charged and one journey stored, nothing else is, and the API serves again without a restart. The
 * same with two instances on one database (each its own pool, as two processes have), one
 * organization's calls spread over both.
 */
let instances: TestApp[] = [];

beforeAll(async () => {
  instances = [await startTestApp(), await startTestApp()];
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
});

async function expectExactMeteringThroughTerminations(urls: string[]): Promise<void> {
  const databaseUrl = inject('databaseUrl');
  const { organizationId, apiKey } = await signUpOverHttp(urls[0]!);
  const { outcomes, terminated } = await meteredLoadWithTerminations({
    urls,
    apiKey,
    databaseUrl,
    calls: 150,
    concurrency: 16,
    terminateEvery: 30,
  });
  expect(terminated).toBeGreaterThan(0);
  const successes = successesOf(outcomes);
  expect(successes).toBeGreaterThan(0);
  expect(await countsOf(databaseUrl, organizationId)).toEqual({ charged: successes, journeys: successes });

  // Recovered: every instance serves again, and the counts stay equal.
  const after = await Promise.all(
    urls.flatMap((url) => [0, 1, 2, 3, 4].map((index) => trackOverHttp(url, apiKey, index))),
  );
  expect(after).toEqual(after.map(() => ({ kind: 'success' })));
  const total = successes + after.length;
  expect(await countsOf(databaseUrl, organizationId)).toEqual({ charged: total, journeys: total });
}

describe('database connections terminated during metered load', () => {
  it('one instance: successes = units charged = journeys stored, and it recovers without a restart', async () => {
    await expectExactMeteringThroughTerminations([instances[0]!.url]);
  });

  it('two instances on one database: the same, across both', async () => {
    await expectExactMeteringThroughTerminations(instances.map((instance) => instance.url));
  });
});
