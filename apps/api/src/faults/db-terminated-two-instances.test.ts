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
 * db-terminated.test.ts with two API instances on one database (each its own pool, as two processes
 * have), one organization's calls spread over both: the counter both charge stays equal to the
 * journeys both stored.
 */
let instances: TestApp[] = [];

beforeAll(async () => {
  instances = [await startTestApp(), await startTestApp()];
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
});

describe('two API instances, database connections terminated during metered load', () => {
  it('keeps successes = units charged = journeys stored, and both recover without a restart', async () => {
    const databaseUrl = inject('databaseUrl');
    const urls = instances.map((instance) => instance.url);
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

    const after = await Promise.all(
      urls.flatMap((url) => [0, 1, 2, 3, 4].map((index) => trackOverHttp(url, apiKey, index))),
    );
    expect(after).toEqual(after.map(() => ({ kind: 'success' })));
    expect(await countsOf(databaseUrl, organizationId)).toEqual({ charged: successes + 10, journeys: successes + 10 });
  });
});
