import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startTestApp, type SignedUpUser, type TestApp } from '../../test/harness.js';
import { RUN_ATTRIBUTION, TestSubscriptions, exportReport, uploadCsv, usedRuns } from './test-fixtures.js';
import type { AttributionRunInput } from '../../test/gql/graphql.js';
import { graphql } from '../../test/gql/index.js';

const PERIOD_START = new Date('2026-03-01T00:00:00Z');
let t: TestApp;
const subscriptions = new TestSubscriptions({ start: PERIOD_START, end: new Date('2026-04-01T00:00:00Z') });

beforeAll(async () => {
  t = await startTestApp({ subscriptions });
  t.clock.set('2026-03-15T12:00:00Z');
});
afterAll(() => t.stop());

async function userOn(tier: 'FREE' | 'PRO' | 'SCALE'): Promise<SignedUpUser> {
  const user = await t.signUp();
  subscriptions.subscribe(user.organizationId, tier);
  await uploadCsv(t, 'path;total_conversions;total_conversion_value;total_null\nsearch > email;3;30;1\n', {
    cookie: user.cookie,
  });
  return user;
}

/** Uses up the period's quota, so any reservation would fail with PLAN_LIMIT_EXCEEDED. */
async function exhaustQuota(user: SignedUpUser, limit: number): Promise<void> {
  await t.sql('insert into usage_counter (organization_id, metric, period_start, used) values (?, ?, ?, ?)', [
    user.organizationId,
    'ATTRIBUTION_RUNS',
    PERIOD_START,
    limit,
  ]);
}

const TRACK = graphql(`
  mutation PlanGatingTrackJourney($input: JourneyInput!) {
    trackJourney(input: $input) {
      credits {
        model
      }
    }
  }
`);
const JOURNEY = {
  touches: [{ channel: 'email', at: '2026-03-01T00:00:00Z' }],
  convertedAt: '2026-03-06T00:00:00Z',
  value: 5,
};

describe('plan gating of runAttribution', () => {
  it.each<[string, AttributionRunInput, string, RegExp]>([
    ['the MARKOV model', { models: ['LINEAR', 'MARKOV'] }, 'models', /MARKOV model is not included in the PRO plan/],
    [
      'a 90-day lookback',
      { models: ['LINEAR'], lookbackDays: 90 },
      'lookbackDays',
      /90-day lookback window is longer than the PRO plan allows/,
    ],
  ])('refuses %s on PRO with FEATURE_NOT_IN_PLAN, leaving usage unchanged', async (_label, input, field, message) => {
    const user = await userOn('PRO');
    const result = await t.graphql(RUN_ATTRIBUTION, { input }, { cookie: user.cookie });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FEATURE_NOT_IN_PLAN', plan: 'PRO', field });
    expect(result.errors?.[0]?.extensions?.upgradeUrl).toMatch(/\/pricing$/);
    expect(await usedRuns(t, { cookie: user.cookie })).toBe(0);
    expect(await t.sql('select id from attribution_report where organization_id = ?', [user.organizationId])).toEqual(
      [],
    );
  });

  it('checks the plan before reserving: at the quota limit, MARKOV is still FEATURE_NOT_IN_PLAN', async () => {
    const user = await userOn('PRO');
    await exhaustQuota(user, 5000);
    const refused = await t.graphql(RUN_ATTRIBUTION, { input: { models: ['MARKOV'] } }, { cookie: user.cookie });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FEATURE_NOT_IN_PLAN');
    const track = await t.graphql(TRACK, { input: { ...JOURNEY, models: ['SHAPLEY'] } }, { cookie: user.cookie });
    expect(track.errors?.[0]?.extensions?.code).toBe('FEATURE_NOT_IN_PLAN');
    const allowed = await t.graphql(RUN_ATTRIBUTION, { input: { models: ['LINEAR'] } }, { cookie: user.cookie });
    expect(allowed.status).toBe(402);
    expect(allowed.errors?.[0]?.extensions).toMatchObject({ code: 'PLAN_LIMIT_EXCEEDED', used: 5000, limit: 5000 });
    expect(await usedRuns(t, { cookie: user.cookie })).toBe(5000);
  });

  it('runs what the plan allows on PRO, with its 60-day lookback by default, and meters one run', async () => {
    const user = await userOn('PRO');
    const result = await t.graphql(
      RUN_ATTRIBUTION,
      { input: { models: ['FIRST_TOUCH', 'LINEAR'] } },
      { cookie: user.cookie },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.runAttribution).toMatchObject({ lookbackDays: 60, pathRowCount: 1 });
    expect(result.data?.runAttribution.credits[1]?.channels).toEqual([
      { channel: 'email', conversions: 1.5, value: 15 },
      { channel: 'search', conversions: 1.5, value: 15 },
    ]);
    expect(await usedRuns(t, { cookie: user.cookie })).toBe(1);
  });

  it('refuses bad input without metering it: no models, a backwards window, TIME_DECAY over timeless rows', async () => {
    const user = await userOn('SCALE');
    const none = await t.graphql(RUN_ATTRIBUTION, { input: { models: [] } }, { cookie: user.cookie });
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_MODELS' });
    const backwards: AttributionRunInput = {
      models: ['LAST_TOUCH'],
      from: '2026-03-10T00:00:00Z',
      to: '2026-03-01T00:00:00Z',
    };
    const window = await t.graphql(RUN_ATTRIBUTION, { input: backwards }, { cookie: user.cookie });
    expect(window.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_WINDOW' });
    const timeDecay = await t.graphql(RUN_ATTRIBUTION, { input: { models: ['TIME_DECAY'] } }, { cookie: user.cookie });
    expect(timeDecay.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MODELS_UNAVAILABLE',
      models: ['TIME_DECAY'],
    });
    expect(timeDecay.errors?.[0]?.message).toMatch(/TIME_DECAY weighs touches by their time/);
    expect(await usedRuns(t, { cookie: user.cookie })).toBe(0);
  });
});

describe('trackJourney models', () => {
  it("attributes with all of the plan's models by default (PRO: three)", async () => {
    const user = await userOn('PRO');
    const result = await t.graphql(TRACK, { input: JOURNEY }, { cookie: user.cookie });
    expect(result.data?.trackJourney.credits.map((credit) => credit.model)).toEqual([
      'LAST_TOUCH',
      'FIRST_TOUCH',
      'LINEAR',
    ]);
  });

  it('takes the models asked for, when the plan has them', async () => {
    const user = await userOn('SCALE');
    const result = await t.graphql(
      TRACK,
      { input: { ...JOURNEY, models: ['MARKOV', 'TIME_DECAY'] } },
      { cookie: user.cookie },
    );
    expect(result.data?.trackJourney.credits.map((credit) => credit.model)).toEqual(['MARKOV', 'TIME_DECAY']);
  });
});

describe('exports', () => {
  it('answers 402 with FEATURE_NOT_IN_PLAN in JSON on FREE and PRO', async () => {
    for (const tier of ['FREE', 'PRO'] as const) {
      const user = await userOn(tier);
      const run = await t.graphql(RUN_ATTRIBUTION, { input: { models: ['LAST_TOUCH'] } }, { cookie: user.cookie });
      const response = await exportReport(t, dataOf(run).runAttribution.id, { apiKey: await t.createApiKey(user) });
      expect(response.status, tier).toBe(402);
      const body = (await response.json()) as { error: { upgradeUrl: string } & Record<string, unknown> };
      expect(body.error).toMatchObject({
        code: 'FEATURE_NOT_IN_PLAN',
        plan: tier,
        message: `CSV exports are not included in the ${tier} plan.`,
      });
      expect(body.error.upgradeUrl).toMatch(/\/pricing$/);
    }
  });

  it('needs credentials, and answers 404 for an unknown report', async () => {
    const user = await userOn('SCALE');
    expect((await exportReport(t, '00000000-0000-4000-8000-000000000000', {})).status).toBe(401);
    expect((await exportReport(t, '00000000-0000-4000-8000-000000000000', { cookie: user.cookie })).status).toBe(404);
    expect((await exportReport(t, 'not-a-uuid', { cookie: user.cookie })).status).toBe(404);
  });
});
