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
 * charged and one journey stored, nothing else is, and the API serves again without a restart.
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});

afterAll(async () => {
  await t?.stop();
});

describe('database connections terminated during metered load', () => {
  it('keeps successes = units charged = journeys stored, and recovers without a restart', async () => {
    const databaseUrl = inject('databaseUrl');
    const { organizationId, apiKey } = await signUpOverHttp(t.url);
    const { outcomes, terminated } = await meteredLoadWithTerminations({
      urls: [t.url],
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

    const after = await Promise.all(Array.from({ length: 10 }, (_, index) => trackOverHttp(t.url, apiKey, index)));
    expect(after).toEqual(after.map(() => ({ kind: 'success' })));
    expect(await countsOf(databaseUrl, organizationId)).toEqual({ charged: successes + 10, journeys: successes + 10 });
  });
});
