import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAN_CATALOG } from '@aa/plans';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type SignedUpUser, type TestApp } from '../../test/harness.js';
import type { Entitlements, PendingReservation } from '../entitlements/index.js';
import type { JourneyToTrack } from './journey-validation.js';
import { TRACKED_INPUT as INPUT, TRACK_JOURNEY as TRACK } from './test-fixtures.js';

/**
 * Concurrent trackJourney calls of one organization share one statement (group commit, issue 12):
 * a lone call goes at once, the calls made while it runs go together next, and a refused group is
 * replayed one call at a time so exactly the calls that fit are stored and charged.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-05-10T08:00:00Z');
});
afterAll(() => t.stop());

const JOURNEY: JourneyToTrack = {
  touches: INPUT.touches.map(({ channel, at }) => ({ channel, at: new Date(at) })),
  convertedAt: new Date(INPUT.convertedAt),
  value: 10,
};

/** A track through the service, as the resolver makes it, with the call's own pending reservation. */
interface Call {
  pending: PendingReservation;
  done: Promise<{ journeyId: string }>;
}

function trackCall(app: TestApp, organizationId: string, entitlements: Entitlements): Call {
  const { usage } = app.app.services;
  const pending = usage.pending(organizationId, entitlements, 'ATTRIBUTION_RUNS', 1);
  return { pending, done: app.app.services.attribution.journeys.track(organizationId, entitlements, JOURNEY, pending) };
}

/** The pool's statements that store tracked journeys, recorded while `run` runs (the pg pool itself, not our code). */
async function journeyStatements<T>(app: TestApp, run: () => Promise<T>): Promise<{ result: T; texts: string[] }> {
  const pool = (await app.app.orm.em.getConnection().getNativeClient()) as Pool;
  const texts: string[] = [];
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    // pgQuery passes a query config ({ text, values, name? }); other callers a text.
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: unknown } | undefined)?.text;
    if (typeof text === 'string' && text.includes('insert into journey (')) texts.push(text);
    return query(...args);
  }) as Pool['query'];
  try {
    return { result: await run(), texts };
  } finally {
    pool.query = query as Pool['query'];
  }
}

async function counts(app: TestApp, organizationId: string) {
  const [row] = await app.sql<Record<string, string | null>>(
    `select (select count(*) from journey where organization_id = ?) as journeys,
       (select count(*) from journey_unfolded where organization_id = ?) as unfolded,
       (select count(*) from touch t join journey j on j.id = t.journey_id where j.organization_id = ?) as touches,
       (select sum(used) from usage_counter where organization_id = ?) as used,
       (select stored from stored_journey_count where organization_id = ?) as stored`,
    [organizationId, organizationId, organizationId, organizationId, organizationId],
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([name, value]) => [name, Number(value ?? 0)]));
}

async function setRunsUsed(app: TestApp, user: SignedUpUser, entitlements: Entitlements, used: number) {
  await app.sql(
    "insert into usage_counter (organization_id, metric, period_start, used) values (?, 'ATTRIBUTION_RUNS', ?, ?)",
    [user.organizationId, entitlements.period.start, used],
  );
}

const settled = (calls: readonly Call[]) => Promise.allSettled(calls.map(({ done }) => done));
const codeOf = (outcome: PromiseSettledResult<unknown>) =>
  outcome.status === 'fulfilled' ? 'stored' : (outcome.reason as { code?: string }).code;

describe('concurrent trackJourney calls of one organization', () => {
  it('an idle call is one statement of its own; 30 calls made at once are two (the first, then the 29 together)', async () => {
    const user = await t.signUp();
    const entitlements = await t.app.services.entitlements.forOrganization(user.organizationId);

    const lone = await journeyStatements(t, () => trackCall(t, user.organizationId, entitlements).done);
    expect(lone.texts).toHaveLength(1);
    expect(lone.texts[0]).not.toContain('uuid[]');

    const burst = await journeyStatements(t, async () => {
      const calls = Array.from({ length: 30 }, () => trackCall(t, user.organizationId, entitlements));
      return { calls, outcomes: await settled(calls) };
    });
    expect(burst.texts).toHaveLength(2);
    expect(burst.texts[1]).toContain('uuid[]');
    expect(burst.result.outcomes.map(codeOf)).toEqual(Array(30).fill('stored'));
    expect(burst.result.calls.every(({ pending }) => pending.taken)).toBe(true);
    const ids = burst.result.outcomes.map((outcome) => outcome.status === 'fulfilled' && outcome.value.journeyId);
    expect(new Set(ids).size).toBe(30);
    expect(await counts(t, user.organizationId)).toEqual({
      journeys: 31,
      unfolded: 31,
      touches: 62,
      used: 31,
      stored: 31,
    });
  });

  it('with k runs left, exactly k of many concurrent GraphQL calls succeed: used = successes = stored = unfolded', async () => {
    const user = await t.signUp();
    const entitlements = await t.app.services.entitlements.forOrganization(user.organizationId);
    await setRunsUsed(t, user, entitlements, 493);
    const results = await Promise.all(
      Array.from({ length: 40 }, () => t.graphql(TRACK, { input: INPUT }, { cookie: user.cookie })),
    );
    const succeeded = results.filter((result) => !result.errors && result.data?.trackJourney?.journeyId).length;
    const refused = results.filter((result) => result.errors);

    expect(succeeded).toBe(7);
    expect(refused).toHaveLength(33);
    for (const result of refused) {
      expect(result.status).toBe(402);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'PLAN_LIMIT_EXCEEDED',
        metric: 'ATTRIBUTION_RUNS',
        used: 500,
        limit: 500,
      });
    }
    expect(await counts(t, user.organizationId)).toEqual({
      journeys: 7,
      unfolded: 7,
      touches: 14,
      used: 500,
      stored: 7,
    });
  });

  it('a group refused as a whole is replayed in arrival order; calls under another plan go in their own group', async () => {
    const user = await t.signUp();
    const free = await t.app.services.entitlements.forOrganization(user.organizationId);
    const pro = { ...free, tier: 'PRO' as const, limits: PLAN_CATALOG.find(({ tier }) => tier === 'PRO')!.limits };
    await setRunsUsed(t, user, free, 498);

    const { result: calls, texts } = await journeyStatements(t, async () => {
      // In one tick: the first goes at once, the rest wait for it and then go by their plan's counter.
      const made = [
        trackCall(t, user.organizationId, free),
        ...Array.from({ length: 5 }, () => trackCall(t, user.organizationId, free)),
        ...Array.from({ length: 3 }, () => trackCall(t, user.organizationId, pro)),
      ];
      await settled(made);
      return made;
    });
    const outcomes = await settled(calls);

    // FREE's 500: the lone call takes 499, the five together want 504 and are replayed: one fits.
    expect(outcomes.map(codeOf)).toEqual([
      'stored',
      'stored',
      'PLAN_LIMIT_EXCEEDED',
      'PLAN_LIMIT_EXCEEDED',
      'PLAN_LIMIT_EXCEEDED',
      'PLAN_LIMIT_EXCEEDED',
      'stored',
      'stored',
      'stored',
    ]);
    const refusal = outcomes[2]?.status === 'rejected' ? (outcomes[2].reason as Error) : null;
    expect(refusal?.message).toBe(
      'Your Free plan includes 500 attribution runs per billing period and 500 are used. Upgrade your plan to continue.',
    );
    expect(refusal).toMatchObject({ options: { details: { used: 500, limit: 500, plan: 'FREE' } } });
    expect(calls.map(({ pending }) => pending.taken)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
    // The lone call, the five together, the five again one by one, the three PRO calls together.
    expect(texts.map((text) => (text.includes('uuid[]') ? 'group' : 'one'))).toEqual([
      'one',
      'group',
      'one',
      'one',
      'one',
      'one',
      'one',
      'group',
    ]);
    expect(await counts(t, user.organizationId)).toEqual({
      journeys: 5,
      unfolded: 5,
      touches: 10,
      used: 503,
      stored: 5,
    });
  });

  it('a group refused by the stored-journey allowance stores exactly the calls that fit, each refused one with its own error', async () => {
    const user = await t.signUp();
    const entitlements = await t.app.services.entitlements.forOrganization(user.organizationId);
    await t.sql('insert into stored_journey_count (organization_id, stored) values (?, 9997)', [user.organizationId]);

    const calls = Array.from({ length: 6 }, () => trackCall(t, user.organizationId, entitlements));
    const outcomes = await settled(calls);

    expect(outcomes.map(codeOf)).toEqual([
      'stored',
      'stored',
      'stored',
      'JOURNEY_ALLOWANCE_EXCEEDED',
      'JOURNEY_ALLOWANCE_EXCEEDED',
      'JOURNEY_ALLOWANCE_EXCEEDED',
    ]);
    expect(calls.map(({ pending }) => pending.taken)).toEqual([true, true, true, false, false, false]);
    expect(await counts(t, user.organizationId)).toMatchObject({ journeys: 3, unfolded: 3, used: 3, stored: 10_000 });
  });

  it('a connection lost under a group fails every call of it with that error, and nothing is stored', async () => {
    const user = await t.signUp();
    const entitlements = await t.app.services.entitlements.forOrganization(user.organizationId);
    await t.sql('insert into stored_journey_count (organization_id, stored) values (?, 0)', [user.organizationId]);
    const pool = (await t.app.orm.em.getConnection().getNativeClient()) as Pool;
    // Another session holds the organization's count row, so each statement waits on it until its backend is ended.
    const holder = await pool.connect();
    try {
      await holder.query('begin');
      await holder.query('select 1 from stored_journey_count where organization_id = $1 for update', [
        user.organizationId,
      ]);
      const calls = Array.from({ length: 3 }, () => trackCall(t, user.organizationId, entitlements));
      const outcomes = settled(calls);
      // Made while nothing was in flight: the first goes alone; once it ends, the other two go together.
      await terminateWaiting(pool, 'one');
      await terminateWaiting(pool, 'group');

      const reasons = (await outcomes).map((outcome) => (outcome.status === 'rejected' ? outcome.reason : null));
      expect(reasons.every((reason) => reason instanceof Error)).toBe(true);
      // The group's two calls failed with its statement's one error.
      expect(reasons[1]).toBe(reasons[2]);
      expect(String((reasons[1] as Error).message)).toMatch(/terminat/i);
      expect(calls.some(({ pending }) => pending.taken)).toBe(false);
      await holder.query('rollback');
    } finally {
      holder.release();
    }
    expect(await counts(t, user.organizationId)).toEqual({ journeys: 0, unfolded: 0, touches: 0, used: 0, stored: 0 });
  });
});

/** Waits for exactly one journey statement waiting on a lock, checks its shape and ends its backend. */
async function terminateWaiting(pool: Pool, shape: 'one' | 'group'): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await pool.query<{ pid: number; query: string }>(
      `select pid, query from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock' and query like '%insert into journey (%' and pid <> pg_backend_pid()`,
    );
    if (rows.length > 1) throw new Error(`${rows.length} journey statements in flight for one organization`);
    const [row] = rows;
    if (row) {
      expect(row.query.includes('uuid[]') ? 'group' : 'one').toBe(shape);
      await pool.query('select pg_terminate_backend($1)', [row.pid]);
      return;
    }
    if (Date.now() > deadline) throw new Error('no journey statement waited on the lock');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('group commit on the embedded database (no DATABASE_URL)', () => {
  // A fresh PGlite data directory runs initdb and every migration in WASM: tens of seconds on a busy machine.
  it('stores 20 calls made at once and charges each once', { timeout: 180_000 }, async () => {
    const embedded = await startTestApp({
      env: { DATABASE_URL: '', PGLITE_DATA_DIR: await mkdtemp(join(tmpdir(), 'aa-group-commit-pglite-')) },
    });
    try {
      expect(embedded.app.databaseMode).toBe('embedded');
      const user = await embedded.signUp();
      const entitlements = await embedded.app.services.entitlements.forOrganization(user.organizationId);
      await setRunsUsed(embedded, user, entitlements, 490);
      const calls = Array.from({ length: 20 }, () => trackCall(embedded, user.organizationId, entitlements));
      const outcomes = await settled(calls);
      expect(outcomes.map(codeOf)).toEqual([...Array(10).fill('stored'), ...Array(10).fill('PLAN_LIMIT_EXCEEDED')]);
      expect(await counts(embedded, user.organizationId)).toEqual({
        journeys: 10,
        unfolded: 10,
        touches: 20,
        used: 500,
        stored: 10,
      });
    } finally {
      await embedded.stop();
    }
  });
});
