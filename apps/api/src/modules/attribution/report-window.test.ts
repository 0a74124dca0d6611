import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type SignedUpUser, type TestApp } from '../../test/harness.js';
import { TestSubscriptions, uploadCsv, usedRuns } from './test-fixtures.js';

const PERIOD_START = new Date('2026-03-01T00:00:00Z');
let t: TestApp;
const subscriptions = new TestSubscriptions({ start: PERIOD_START, end: new Date('2026-04-01T00:00:00Z') });

beforeAll(async () => {
  t = await startTestApp({ subscriptions });
  t.clock.set('2026-03-15T12:00:00Z');
});
afterAll(() => t.stop());

const RUN = `mutation ($input: AttributionRunInput!) {
  runAttribution(input: $input) { id models journeyCount pathRowCount totals { conversions value } currency }
}`;
const WINDOW = `query ($from: DateTime, $to: DateTime) {
  attributionWindow(from: $from, to: $to) {
    from to storedJourneys pathRows journeys conversions value currency modelsUnavailable { model reason }
  }
}`;
const TRACK = 'mutation ($input: JourneyInput!) { trackJourney(input: $input) { journeyId } }';
const PATH_ROWS = 'path;total_conversions;total_conversion_value;total_null\nsearch > email;3;30;1\nemail;1;5;2\n';

async function scaleUser(): Promise<SignedUpUser> {
  const user = await t.signUp();
  subscriptions.subscribe(user.organizationId, 'SCALE');
  return user;
}

async function reportRows(user: SignedUpUser): Promise<unknown[]> {
  return t.sql('select id from attribution_report where organization_id = ?', [user.organizationId]);
}

describe('a run over a window with no journeys', () => {
  it('is refused with NO_JOURNEYS_IN_WINDOW before a run is counted, and stores no report', async () => {
    const user = await scaleUser();
    const result = await t.graphql(RUN, { input: { models: ['LAST_TOUCH'] } }, { cookie: user.cookie });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_JOURNEYS_IN_WINDOW' });
    expect(result.errors?.[0]?.message).toMatch(/no journeys in this window.*no run was counted/);
    expect(await usedRuns(t, { cookie: user.cookie })).toBe(0);
    expect(await reportRows(user)).toEqual([]);
  });

  it('is refused when the journeys lie outside the window', async () => {
    const user = await scaleUser();
    const journey = {
      touches: [{ channel: 'email', at: '2026-03-01T00:00:00Z' }],
      convertedAt: '2026-03-02T00:00:00Z',
    };
    expect((await t.graphql(TRACK, { input: journey }, { cookie: user.cookie })).errors).toBeUndefined();
    const tracked = await usedRuns(t, { cookie: user.cookie }); // trackJourney attributes, and counts a run
    const input = { models: ['LAST_TOUCH'], from: '2026-03-10T00:00:00Z', to: '2026-03-15T00:00:00Z' };
    const result = await t.graphql(RUN, { input }, { cookie: user.cookie });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      reason: 'NO_JOURNEYS_IN_WINDOW',
      from: '2026-03-10T00:00:00.000Z',
      to: '2026-03-15T00:00:00.000Z',
    });
    expect(await usedRuns(t, { cookie: user.cookie })).toBe(tracked);
    const inside = await t.graphql(RUN, { input: { ...input, from: '2026-03-01T00:00:00Z' } }, { cookie: user.cookie });
    expect(inside.data?.runAttribution).toMatchObject({ journeyCount: 1, totals: { conversions: 1, value: 0 } });
    expect(await usedRuns(t, { cookie: user.cookie })).toBe(tracked + 1);
  });
});

describe('models the data cannot serve', () => {
  it('are named by attributionWindow before a run, with the totals of the window', async () => {
    const user = await scaleUser();
    const empty = await t.graphql(WINDOW, {}, { cookie: user.cookie });
    expect(empty.data?.attributionWindow).toMatchObject({ storedJourneys: 0, pathRows: 0, modelsUnavailable: [] });
    expect((await uploadCsv(t, PATH_ROWS, { cookie: user.cookie })).status).toBe(200);
    const window = await t.graphql(WINDOW, {}, { cookie: user.cookie });
    expect(window.data?.attributionWindow).toMatchObject({
      storedJourneys: 0,
      pathRows: 2,
      journeys: 7,
      conversions: 4,
      value: 35,
      currency: 'USD',
      modelsUnavailable: [{ model: 'TIME_DECAY', reason: expect.stringMatching(/path rows have none/) }],
    });
    const later = await t.graphql(WINDOW, { from: '2026-03-16T00:00:00Z' }, { cookie: user.cookie });
    expect(later.data?.attributionWindow).toMatchObject({ pathRows: 0, journeys: 0, modelsUnavailable: [] });
    const backwards = await t.graphql(
      WINDOW,
      { from: '2026-03-16T00:00:00Z', to: '2026-03-01T00:00:00Z' },
      { cookie: user.cookie },
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_WINDOW' });
  });

  it('are refused by name with MODELS_UNAVAILABLE, never a failed report; the others run', async () => {
    const user = await scaleUser();
    await uploadCsv(t, PATH_ROWS, { cookie: user.cookie });
    const refused = await t.graphql(RUN, { input: { models: ['LINEAR', 'TIME_DECAY'] } }, { cookie: user.cookie });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MODELS_UNAVAILABLE',
      field: 'models',
      models: ['TIME_DECAY'],
    });
    expect(refused.errors?.[0]?.message).toMatch(/^TIME_DECAY: /);
    expect(await usedRuns(t, { cookie: user.cookie })).toBe(0);
    expect(await reportRows(user)).toEqual([]);

    const ran = await t.graphql(RUN, { input: { models: ['LINEAR', 'MARKOV'] } }, { cookie: user.cookie });
    expect(ran.errors).toBeUndefined();
    expect(ran.data?.runAttribution).toMatchObject({
      models: ['LINEAR', 'MARKOV'],
      pathRowCount: 2,
      totals: { conversions: 4, value: 35 },
      currency: 'USD',
    });
    expect(await usedRuns(t, { cookie: user.cookie })).toBe(1);
  });
});
