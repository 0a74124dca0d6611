import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startTestApp, type SignedUpUser, type TestApp } from '../../test/harness.js';
import { REPORT_CSV_HEADER } from './report-csv.js';
import {
  IMPORT_JOURNEYS,
  RUN_ATTRIBUTION,
  TestSubscriptions,
  exportReport,
  SAMPLE_PATHS,
  SAMPLE_PATHS_CSV,
  SAMPLE_PATH_ROWS,
  readSamplePaths,
  uploadCsv,
  usedRuns,
} from './test-fixtures.js';
import type {
  AttributionModel,
  AttributionRunInput,
  TestFixturesRunAttributionMutation,
} from '../../test/gql/graphql.js';
import { graphql } from '../../test/gql/index.js';

type Report = TestFixturesRunAttributionMutation['runAttribution'];

let t: TestApp;
const subscriptions = new TestSubscriptions({
  start: new Date('2026-03-01T00:00:00Z'),
  end: new Date('2026-04-01T00:00:00Z'),
});

beforeAll(async () => {
  t = await startTestApp({ subscriptions });
  t.clock.set('2026-03-15T12:00:00Z');
});
afterAll(() => t.stop());

async function scaleUser(): Promise<SignedUpUser> {
  const user = await t.signUp();
  subscriptions.subscribe(user.organizationId, 'SCALE');
  return user;
}

async function storedCount(organizationId: string): Promise<{ journeys: number; paths: number }> {
  const [row] = await t.sql<{ journeys: string; paths: string }>(
    `select (select count(*) from journey where organization_id = ?) as journeys,
            (select count(*) from journey_path where organization_id = ?) as paths`,
    [organizationId, organizationId],
  );
  return { journeys: Number(row?.journeys), paths: Number(row?.paths) };
}

/** The REST edge's error answer. */
type ErrorBody = { error: { code: string; upgradeUrl?: string } & Record<string, unknown> };

const sum = (numbers: number[]): number => numbers.reduce((total, n) => total + n, 0);

interface SampleTotals {
  rows: number;
  channels: number;
  conversions: number;
  value: number;
  nulls: number;
}

/** Uploads a path-rows file over REST, runs every path model on it, lists and exports the report. */
async function roundTrip(sample: string, expected: SampleTotals): Promise<void> {
  const user = await scaleUser();
  const apiKey = await t.createApiKey(user);

  const upload = await uploadCsv(t, sample, { apiKey });
  expect(upload.status, JSON.stringify(upload.body)).toBe(200);
  expect(upload.body.import).toMatchObject({
    format: 'PATH_ROWS',
    journeys: expected.rows,
    conversions: expected.conversions,
    nulls: expected.nulls,
  });
  expect(upload.body.import.value).toBeCloseTo(expected.value, 2);
  expect(await storedCount(user.organizationId)).toEqual({ journeys: 0, paths: expected.rows });

  const models: AttributionModel[] = [
    'LAST_TOUCH',
    'FIRST_TOUCH',
    'LINEAR',
    'POSITION_BASED',
    'LAST_NON_DIRECT',
    'W_SHAPED',
    'FULL_PATH',
    'MARKOV',
    'SHAPLEY',
  ];
  const run = await t.graphql(RUN_ATTRIBUTION, { input: { models } }, { cookie: user.cookie });
  expect(run.errors).toBeUndefined();
  const report = dataOf(run).runAttribution;
  expect(report).toMatchObject({
    models,
    pathRowCount: expected.rows,
    journeyCount: 0,
    lookbackDays: 180,
    from: null,
    to: null,
  });
  for (const credits of report.credits) {
    expect(credits.totals.conversions, credits.model).toBeCloseTo(expected.conversions, 6);
    expect(credits.totals.value, credits.model).toBeCloseTo(expected.value, 2);
    expect(sum(credits.channels.map((channel) => channel.conversions)), credits.model).toBeCloseTo(
      expected.conversions,
      6,
    );
    expect(sum(credits.channels.map((channel) => channel.value)), credits.model).toBeCloseTo(credits.totals.value, 6);
    expect(credits.channels).toHaveLength(expected.channels);
  }
  expect(await usedRuns(t, { cookie: user.cookie })).toBe(1);

  const list = await t.graphql(
    graphql(`
      query AttributionAttributionReports {
        attributionReports(first: 5) {
          edges {
            cursor
            node {
              id
              credits {
                model
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `),
    {},
    { apiKey },
  );
  expect(list.data?.attributionReports.edges.map((edge) => edge.node.id)).toEqual([report.id]);
  expect(list.data?.attributionReports.pageInfo).toEqual({
    hasNextPage: false,
    endCursor: list.data?.attributionReports.edges[0]?.cursor,
  });

  const again = await t.graphql(
    graphql(`
      query AttributionAttributionReport($id: ID!) {
        attributionReport(id: $id) {
          id
          credits {
            model
            totals {
              conversions
            }
          }
        }
      }
    `),
    { id: report.id },
    { cookie: user.cookie },
  );
  expect(again.data?.attributionReport?.credits[7]).toEqual({
    model: 'MARKOV',
    totals: { conversions: report.credits[7]?.totals.conversions },
  });

  const exported = await exportReport(t, report.id, { apiKey });
  expect(exported.status).toBe(200);
  expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const [header, ...rows] = (await exported.text()).trimEnd().split('\n');
  expect(header).toBe(REPORT_CSV_HEADER);
  expect(rows).toHaveLength(models.length * (expected.channels + 1));
  for (const model of models) {
    const cells = rows.map((row) => row.split(',')).filter(([rowModel]) => rowModel === model);
    expect(sum(cells.map((cell) => Number(cell[2]))), model).toBeCloseTo(expected.conversions, 6);
    expect(sum(cells.map((cell) => Number(cell[3]))), model).toBeCloseTo(expected.value, 2);
  }
}

describe('import → run → list → export', () => {
  it('round-trips 10,000 seeded path rows: every conversion and all the value under every model', () => {
    const rows = SAMPLE_PATH_ROWS;
    return roundTrip(SAMPLE_PATHS, {
      rows: rows.length,
      channels: new Set(rows.flatMap((row) => row.path)).size,
      conversions: sum(rows.map((row) => row.conversions)),
      value: sum(rows.map((row) => row.value)),
      nulls: sum(rows.map((row) => row.nulls)),
    });
  });

  // ChannelAttribution's published totals for its own sample, which only sits beside the repository (CI).
  it.skipIf(!existsSync(SAMPLE_PATHS_CSV))(
    'round-trips sample-paths.csv: 10,000 rows, 19,785 conversions, 74,802.97 value under every model',
    async () =>
      roundTrip(await readSamplePaths(), {
        rows: 10_000,
        channels: 12,
        conversions: 19_785,
        value: 74_802.97,
        nulls: 68_602,
      }),
  );

  it('imports timestamped journeys through GraphQL and applies the window and lookback', async () => {
    const user = await scaleUser();
    const csv = [
      'journey_id,channel,touched_at,milestone,converted_at,value',
      'j1,search,2026-03-01T10:00:00Z,,2026-03-05T10:00:00Z,100',
      'j1,email,2026-03-04T10:00:00Z,lead,2026-03-05T10:00:00Z,100',
      'j2,display,2026-01-01T00:00:00Z,,2026-03-10T00:00:00Z,40',
      'j3,social,2026-03-02T00:00:00Z,,,',
      'j4,email,2026-02-01T00:00:00Z,,2026-02-02T00:00:00Z,7',
    ].join('\n');
    const imported = await t.graphql(IMPORT_JOURNEYS, { csv }, { cookie: user.cookie });
    expect(imported.errors).toBeUndefined();
    expect(imported.data?.importJourneys).toEqual({
      format: 'JOURNEYS',
      journeys: 4,
      touches: 5,
      conversions: 3,
      value: 147,
      nulls: 1,
    });
    expect(await storedCount(user.organizationId)).toEqual({ journeys: 4, paths: 0 });

    const input: AttributionRunInput = {
      models: ['LAST_TOUCH', 'TIME_DECAY'],
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-31T00:00:00Z',
      lookbackDays: 30,
    };
    const run = await t.graphql(RUN_ATTRIBUTION, { input }, { cookie: user.cookie });
    expect(run.errors).toBeUndefined();
    const report = dataOf(run).runAttribution;
    expect(report).toMatchObject({
      journeyCount: 3,
      pathRowCount: 0,
      lookbackDays: 30,
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-31T00:00:00.000Z',
    });
    // j2's only touch is 68 days old: outside the 30-day lookback, so its conversion is unattributed.
    expect(report.credits[0]).toEqual({
      model: 'LAST_TOUCH',
      channels: [{ channel: 'email', conversions: 1, value: 100 }],
      unattributed: { conversions: 1, value: 40 },
      totals: { conversions: 2, value: 140 },
    });
  });
  it('gives the same credit whether journeys are grouped by path in SQL or streamed one by one', async () => {
    const user = await scaleUser();
    const rows = ['journey_id,channel,touched_at,milestone,converted_at,value'];
    const channels = ['search', 'email', 'social', 'direct'];
    for (let j = 0; j < 60; j++) {
      const converted = j % 3 !== 0;
      for (let k = 0; k <= j % 4; k++) {
        // Touches 0, 20, 40 and 60 days before: the 30-day lookback drops some of them.
        const at = new Date(Date.UTC(2026, 2, 10) - ((j % 4) - k) * 20 * 86_400_000).toISOString();
        rows.push(
          `j${j},${channels[(j + k) % 4]},${at},${k === 1 ? 'lead' : ''},${converted ? '2026-03-10T00:00:00Z' : ''},${converted ? j : ''}`,
        );
      }
    }
    const imported = await t.graphql(IMPORT_JOURNEYS, { csv: rows.join('\n') }, { cookie: user.cookie });
    expect(imported.data?.importJourneys).toMatchObject({ journeys: 60, conversions: 40, nulls: 20 });
    const models: AttributionModel[] = ['LAST_TOUCH', 'LINEAR', 'POSITION_BASED', 'MARKOV', 'SHAPLEY'];
    const grouped = await t.graphql(RUN_ATTRIBUTION, { input: { models, lookbackDays: 30 } }, { cookie: user.cookie });
    // W_SHAPED reads milestones, so this run streams every journey with its touches.
    const streamed = await t.graphql(
      RUN_ATTRIBUTION,
      { input: { models: [...models, 'W_SHAPED'], lookbackDays: 30 } },
      { cookie: user.cookie },
    );
    expect(grouped.data?.runAttribution.journeyCount).toBe(60);
    expect(streamed.data?.runAttribution.journeyCount).toBe(60);
    const byModel = (report: Report) => new Map(report.credits.map((credit) => [credit.model, credit]));
    const groupedCredits = byModel(dataOf(grouped).runAttribution);
    const streamedCredits = byModel(dataOf(streamed).runAttribution);
    for (const model of models) {
      const a = groupedCredits.get(model);
      const b = streamedCredits.get(model);
      if (!a || !b) throw new Error(`${model} is missing from a report`);
      expect(a.unattributed, model).toEqual(b.unattributed);
      expect(
        a.channels.map((c) => c.channel),
        model,
      ).toEqual(b.channels.map((c) => c.channel));
      a.channels.forEach((credit, i) => {
        expect(credit.conversions, `${model} ${credit.channel}`).toBeCloseTo(b.channels[i]?.conversions ?? NaN, 9);
        expect(credit.value, `${model} ${credit.channel}`).toBeCloseTo(b.channels[i]?.value ?? NaN, 9);
      });
    }
    expect(groupedCredits.get('LAST_TOUCH')).toMatchObject({ unattributed: { conversions: 0 } });
  });
});

describe('a bad row rejects the whole file', () => {
  it('answers BAD_USER_INPUT with the line and stores nothing (GraphQL)', async () => {
    const user = await scaleUser();
    const csv = [
      'path;total_conversions;total_conversion_value;total_null',
      'a > b;1;2;0',
      'b;1;1;0',
      'c;1;1;0',
      'a > c;one;1;0',
      'c;1;1;0',
    ].join('\n');
    const result = await t.graphql(IMPORT_JOURNEYS, { csv }, { cookie: user.cookie });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CSV_FORMAT', line: 5 });
    expect(result.errors?.[0]?.message).toMatch(/^Line 5: total_conversions is not a non-negative number/);
    expect(await storedCount(user.organizationId)).toEqual({ journeys: 0, paths: 0 });
  });

  it('rolls back batches already written when line 7,501 of the sample is bad (REST)', async () => {
    const user = await scaleUser();
    const lines = SAMPLE_PATHS.trimEnd().split('\n');
    lines[7500] = 'alpha > beta;1;2';
    const upload = await uploadCsv(t, lines.join('\n'), { cookie: user.cookie });
    expect(upload.status).toBe(400);
    expect(upload.body.error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CSV_FORMAT', line: 7501 });
    expect(await storedCount(user.organizationId)).toEqual({ journeys: 0, paths: 0 });
  });

  it('refuses more than 100,000 journeys in one import, storing none', async () => {
    const user = await scaleUser();
    const csv = `path;total_conversions;total_conversion_value;total_null\n${'a > b;1;1;0\n'.repeat(100_001)}`;
    const upload = await uploadCsv(t, csv, { cookie: user.cookie });
    expect(upload.status).toBe(400);
    expect(upload.body.error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_JOURNEYS', line: 100_002 });
    expect(await storedCount(user.organizationId)).toEqual({ journeys: 0, paths: 0 });
  });

  it('refuses a line longer than 1 MiB without buffering the rest of the upload', async () => {
    const user = await scaleUser();
    const upload = await uploadCsv(
      t,
      `path;total_conversions;total_conversion_value;total_null\n${'a > '.repeat(600_000)}b;1;1;0\n`,
      { cookie: user.cookie },
    );
    expect(upload.status).toBe(400);
    expect(upload.body.error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CSV_FORMAT', line: 2 });
    expect(await storedCount(user.organizationId)).toEqual({ journeys: 0, paths: 0 });
  });

  it('answers the same bad file with the same error over GraphQL and REST', async () => {
    const user = await scaleUser();
    const files = [
      'path;total_conversions;total_conversion_value;total_null\na > b;x;1;0\n',
      `journey_id,channel,touched_at,milestone,converted_at,value\nj1,${'y'.repeat(101)},2026-03-01T00:00:00Z,,,\n`,
      'not a header\n',
    ];
    for (const csv of files) {
      const graphql = await t.graphql(IMPORT_JOURNEYS, { csv }, { cookie: user.cookie });
      const rest = await uploadCsv(t, csv, { cookie: user.cookie });
      const error = graphql.errors?.[0];
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(rest.status).toBe(400);
      expect(rest.body).toEqual({ error: { message: error?.message, ...error?.extensions } });
    }
  });

  it('needs credentials and a CSV body', async () => {
    expect((await uploadCsv(t, 'path;total_conversions;total_conversion_value;total_null\n', {})).status).toBe(401);
    const user = await scaleUser();
    const response = await fetch(`${t.url}/imports/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: user.cookie },
      body: '{}',
    });
    expect(response.status).toBe(415);
  });
});

describe('reports belong to their organization', () => {
  it('pages newest first with cursors, and hides reports from other organizations', async () => {
    const alice = await scaleUser();
    const bob = await scaleUser();
    await uploadCsv(t, 'path;total_conversions;total_conversion_value;total_null\na > b;2;10;1\n', {
      cookie: alice.cookie,
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.clock.set(new Date(Date.UTC(2026, 2, 15, 12, 0, i)));
      const run = await t.graphql(RUN_ATTRIBUTION, { input: { models: ['LINEAR'] } }, { cookie: alice.cookie });
      ids.unshift(dataOf(run).runAttribution.id);
    }
    const PAGE = graphql(`
      query AttributionAttributionReports2($after: String) {
        attributionReports(first: 2, after: $after) {
          edges {
            node {
              id
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `);
    const first = dataOf(await t.graphql(PAGE, {}, { cookie: alice.cookie })).attributionReports;
    expect(first.edges.map((edge) => edge.node.id)).toEqual(ids.slice(0, 2));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = dataOf(
      await t.graphql(PAGE, { after: first.pageInfo.endCursor }, { cookie: alice.cookie }),
    ).attributionReports;
    expect(second.edges.map((edge) => edge.node.id)).toEqual(ids.slice(2));
    expect(second.pageInfo.hasNextPage).toBe(false);

    const bobList = await t.graphql(
      graphql(`
        query AttributionAttributionReports3 {
          attributionReports {
            edges {
              node {
                id
              }
            }
          }
        }
      `),
      {},
      { cookie: bob.cookie },
    );
    expect(bobList.data?.attributionReports.edges).toEqual([]);
    const bobReads = await t.graphql(
      graphql(`
        query AttributionAttributionReport2($id: ID!) {
          attributionReport(id: $id) {
            id
          }
        }
      `),
      { id: ids[0] ?? '' },
      { cookie: bob.cookie },
    );
    expect(bobReads.data).toEqual({ attributionReport: null });
    const bobExports = await exportReport(t, ids[0]!, { cookie: bob.cookie });
    expect(bobExports.status).toBe(404);
    expect(((await bobExports.json()) as ErrorBody).error.code).toBe('NOT_FOUND');
  });

  it('rejects a cursor it did not issue', async () => {
    const user = await scaleUser();
    const result = await t.graphql(
      graphql(`
        query AttributionAttributionReports4 {
          attributionReports(after: "bm9wZQ") {
            edges {
              cursor
            }
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
