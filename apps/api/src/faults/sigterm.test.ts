import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApiProcess, type ApiProcess } from '../test/api-process.js';
import { countsOf, signUpOverHttp, trackOverHttp, type HttpOutcome } from '../test/fault-kit.js';

/*
 * SIGTERM while metered calls are in flight, on the real process: it stops taking connections, lets
 * the requests it has finish and answers them, then closes. Every unit charged is a journey stored
 * and a 200 the client received; calls it refused were neither charged nor stored.
 */
let api: ApiProcess;

beforeAll(async () => {
  // A small pool keeps many calls queued inside the process when the signal comes.
  api = await startApiProcess({
    DATABASE_URL: inject('databaseUrl'),
    DATABASE_POOL_SIZE: '2',
    SHUTDOWN_GRACE_MS: '15000',
  });
});

afterAll(async () => {
  await api?.stop();
});

describe('SIGTERM under load', () => {
  it('answers every call it charged and charges none it did not answer', async () => {
    const { organizationId, apiKey } = await signUpOverHttp(api.url);
    const outcomes: HttpOutcome[] = [];
    let inFlight = 0;
    let inFlightAtSignal = -1;
    let stopping = false;
    const worker = async (id: number) => {
      for (let index = 0; ; index += 1) {
        inFlight += 1;
        const outcome = await trackOverHttp(api.url, apiKey, id * 10_000 + index);
        inFlight -= 1;
        outcomes.push(outcome);
        if (outcome.kind === 'success' && !stopping && outcomes.length >= 100) {
          stopping = true;
          inFlightAtSignal = inFlight;
          api.child.kill('SIGTERM');
        }
        // Until nothing listens any more: calls racing the close are the ones that must not be lost.
        if (outcome.kind === 'network-error' && stopping && /ECONNREFUSED/.test(outcome.reason)) return;
      }
    };
    await Promise.all(Array.from({ length: 64 }, (_, id) => worker(id)));
    expect(await api.exited).toBe(0);

    expect(inFlightAtSignal).toBeGreaterThan(0);
    const successes = outcomes.filter((outcome) => outcome.kind === 'success').length;
    const refusedWithAnswer = outcomes.filter((outcome) => outcome.kind === 'error-answer');
    expect(refusedWithAnswer).toEqual([]);
    expect(await countsOf(inject('databaseUrl'), organizationId)).toEqual({ charged: successes, journeys: successes });
  });
});
