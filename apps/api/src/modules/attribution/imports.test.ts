import { JOURNEYS_HEADER } from '@aa/attribution';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestApp,
  type Credentials,
  type GraphQLResult,
  type SignedUpUser,
  type TestApp,
} from '../../test/harness.js';
import { uploadCsv } from './test-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-03-15T12:00:00Z');
});
afterAll(() => t.stop());

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field, as each assertion says
type Answer = GraphQLResult<any>;
const gql = (query: string, variables: Record<string, unknown> = {}, credentials?: Credentials): Promise<Answer> =>
  t.untypedGraphql(query, variables, credentials) as Promise<Answer>;

const PATH_HEADER = 'path;total_conversions;total_conversion_value;total_null';
const IMPORT = `mutation ($csv: String!, $fileName: String, $replace: Boolean! = false) {
  importJourneys(csv: $csv, fileName: $fileName, replace: $replace) { id fileName format rows journeys replacedImportId }
}`;
const TRACK = `mutation ($input: JourneyInput!) { trackJourney(input: $input) { journeyId } }`;
const STORED = '{ usage { storedJourneys { used limit remaining } attributionRuns { used } } }';
const IMPORTS = '{ imports { id fileName contentSha256 format rows journeys storedJourneys status createdAt } }';

/** `count` distinct path rows; `tag` makes files of the same size differ in content. */
function pathRows(count: number, tag: string): string {
  const rows = Array.from({ length: count }, (_, i) => `${tag} > c${i};1;2;0`);
  return [PATH_HEADER, ...rows].join('\n') + '\n';
}

async function stored(user: SignedUpUser): Promise<{ used: number; limit: number; remaining: number }> {
  return (await gql(STORED, {}, { cookie: user.cookie })).data?.usage.storedJourneys;
}

/** What the tables hold, independent of the counter. */
async function rowsOf(organizationId: string): Promise<{ journeys: number; paths: number; imports: number }> {
  const [row] = await t.sql<{ journeys: string; paths: string; imports: string }>(
    `select (select count(*) from journey where organization_id = ?) as journeys,
       (select count(*) from journey_path where organization_id = ?) as paths,
       (select count(*) from journey_import where organization_id = ?) as imports`,
    [organizationId, organizationId, organizationId],
  );
  return { journeys: Number(row?.journeys), paths: Number(row?.paths), imports: Number(row?.imports) };
}

const journey = (channel = 'email') => ({
  touches: [{ channel, at: '2026-03-01T10:00:00Z' }],
  convertedAt: '2026-03-02T10:00:00Z',
  value: 5,
});

describe('the stored-journeys allowance', () => {
  it('is in the plan catalog and the usage query', async () => {
    const user = await t.signUp();
    const plans = await gql('{ plans { tier limits { storedJourneys } } }');
    expect(plans.data?.plans).toEqual([
      { tier: 'FREE', limits: { storedJourneys: 10_000 } },
      { tier: 'PRO', limits: { storedJourneys: 1_000_000 } },
      { tier: 'SCALE', limits: { storedJourneys: 10_000_000 } },
    ]);
    expect(await stored(user)).toEqual({ used: 0, limit: 10_000, remaining: 10_000 });
    await gql(IMPORT, { csv: pathRows(3, 'a') }, { cookie: user.cookie });
    await gql(TRACK, { input: journey() }, { cookie: user.cookie });
    expect(await stored(user)).toEqual({ used: 4, limit: 10_000, remaining: 9_996 });
  });

  it('refuses an import that would pass it whole, with the numbers, and stores nothing', async () => {
    const user = await t.signUp();
    const seeded = await gql(IMPORT, { csv: pathRows(9_990, 'seed') }, { cookie: user.cookie });
    expect(seeded.errors).toBeUndefined();
    const before = await rowsOf(user.organizationId);

    const refused = await gql(IMPORT, { csv: pathRows(20, 'more') }, { cookie: user.cookie });
    expect(refused.status).toBe(402);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'JOURNEY_ALLOWANCE_EXCEEDED',
      plan: 'FREE',
      limit: 10_000,
      used: 9_990,
      requested: 20,
    });
    expect(refused.errors?.[0]?.message).toMatch(/10,000 journeys; 9,990 are stored and this would add 20/);
    expect(await rowsOf(user.organizationId)).toEqual(before);
    expect(await stored(user)).toMatchObject({ used: 9_990 });

    const rest = await uploadCsv(t, pathRows(20, 'rest'), { cookie: user.cookie });
    expect(rest.status).toBe(402);
    expect(rest.body.error).toMatchObject({ code: 'JOURNEY_ALLOWANCE_EXCEEDED', used: 9_990, requested: 20 });
    expect(await rowsOf(user.organizationId)).toEqual(before);

    // The 10 that fit still go in.
    expect((await gql(IMPORT, { csv: pathRows(10, 'fits') }, { cookie: user.cookie })).errors).toBeUndefined();
    expect(await stored(user)).toEqual({ used: 10_000, limit: 10_000, remaining: 0 });
  });

  it('refuses trackJourney past it and gives the run back', async () => {
    const user = await t.signUp();
    await gql(IMPORT, { csv: pathRows(10_000, 'full') }, { cookie: user.cookie });
    const refused = await gql(TRACK, { input: journey() }, { cookie: user.cookie });
    expect(refused.status).toBe(402);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'JOURNEY_ALLOWANCE_EXCEEDED',
      limit: 10_000,
      used: 10_000,
      requested: 1,
    });
    expect(await rowsOf(user.organizationId)).toMatchObject({ journeys: 0, paths: 10_000 });
    expect((await gql(STORED, {}, { cookie: user.cookie })).data?.usage.attributionRuns.used).toBe(0);
  });

  it('counts exactly under concurrent tracks and imports', async () => {
    const user = await t.signUp();
    await gql(IMPORT, { csv: pathRows(9_000, 'base') }, { cookie: user.cookie });
    // 5 imports of 300 and 40 tracked journeys race for 1,000 places.
    const imports = Array.from({ length: 5 }, (_, i) =>
      gql(IMPORT, { csv: pathRows(300, `race${i}`) }, { cookie: user.cookie }),
    );
    const tracks = Array.from({ length: 40 }, () => gql(TRACK, { input: journey() }, { cookie: user.cookie }));
    const results = await Promise.all([...imports, ...tracks]);
    const refused = results.filter((result) => result.errors);
    expect(refused.every((result) => result.errors?.[0]?.extensions?.code === 'JOURNEY_ALLOWANCE_EXCEEDED')).toBe(true);
    const importedOk = results.slice(0, 5).filter((result) => !result.errors).length;
    const trackedOk = results.slice(5).filter((result) => !result.errors).length;
    const rows = await rowsOf(user.organizationId);
    expect(rows).toEqual({ journeys: trackedOk, paths: 9_000 + importedOk * 300, imports: 1 + importedOk });
    expect((await stored(user)).used).toBe(rows.journeys + rows.paths);
    expect(rows.journeys + rows.paths).toBeLessThanOrEqual(10_000);
    // Every place that could be taken was: what is left is less than the smallest refused request.
    expect(10_000 - rows.journeys - rows.paths).toBeLessThan(trackedOk < 40 ? 1 : 300);
  });
});

describe('duplicate imports', () => {
  it('refuses the same content again, naming the earlier import, over GraphQL and REST', async () => {
    const user = await t.signUp();
    const csv = pathRows(5, 'dup');
    const first = await gql(IMPORT, { csv, fileName: 'paths.csv' }, { cookie: user.cookie });
    const earlier = first.data?.importJourneys;
    expect(earlier).toMatchObject({ fileName: 'paths.csv', format: 'PATH_ROWS', rows: 5, journeys: 5 });

    const again = await gql(IMPORT, { csv, fileName: 'copy.csv' }, { cookie: user.cookie });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'DUPLICATE_IMPORT',
      importId: earlier.id,
      fileName: 'paths.csv',
    });
    const rest = await uploadCsv(t, csv, { cookie: user.cookie });
    expect(rest.status).toBe(409);
    expect(rest.body.error).toMatchObject({ reason: 'DUPLICATE_IMPORT', importId: earlier.id });
    expect(await rowsOf(user.organizationId)).toEqual({ journeys: 0, paths: 5, imports: 1 });
  });

  it('replaces the earlier import when asked, in one transaction', async () => {
    const user = await t.signUp();
    const csv = pathRows(6_000, 'big');
    const first = (await gql(IMPORT, { csv }, { cookie: user.cookie })).data?.importJourneys;
    // 6,000 + 6,000 would pass FREE's 10,000: the earlier rows leave before the new ones count.
    const replaced = await gql(IMPORT, { csv, replace: true }, { cookie: user.cookie });
    expect(replaced.errors).toBeUndefined();
    expect(replaced.data?.importJourneys).toMatchObject({ journeys: 6_000, replacedImportId: first.id });
    expect(replaced.data?.importJourneys.id).not.toBe(first.id);
    expect(await rowsOf(user.organizationId)).toEqual({ journeys: 0, paths: 6_000, imports: 1 });
    expect((await stored(user)).used).toBe(6_000);
    const listed = (await gql(IMPORTS, {}, { cookie: user.cookie })).data?.imports;
    expect(listed.map((row: { id: string }) => row.id)).toEqual([replaced.data?.importJourneys.id]);
  });

  it('lets one of two simultaneous uploads of the same file through', async () => {
    const user = await t.signUp();
    const csv = pathRows(2_000, 'twin');
    const results = await Promise.all([1, 2, 3].map(() => uploadCsv(t, csv, { cookie: user.cookie })));
    expect(results.map((result) => result.status).sort()).toEqual([200, 409, 409]);
    expect(await rowsOf(user.organizationId)).toEqual({ journeys: 0, paths: 2_000, imports: 1 });
  });
});

describe('imports listed and journeys deleted', () => {
  it('lists imports with their counts and hash', async () => {
    const user = await t.signUp();
    const csv = [
      JOURNEYS_HEADER,
      'j1,search,2026-03-01T00:00:00Z,,2026-03-03T00:00:00Z,10',
      'j1,email,2026-03-02T00:00:00Z,,2026-03-03T00:00:00Z,10',
      'j2,display,2026-03-01T00:00:00Z,,,',
    ].join('\n');
    const response = await fetch(`${t.url}/imports/journeys?fileName=march.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: user.cookie },
      body: csv,
    });
    const body = (await response.json()) as { import: { id: string } };
    expect(response.status).toBe(200);
    const listed = (await gql(IMPORTS, {}, { cookie: user.cookie })).data?.imports;
    expect(listed).toEqual([
      {
        id: body.import.id,
        fileName: 'march.csv',
        contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        format: 'JOURNEYS',
        rows: 3,
        journeys: 2,
        storedJourneys: 2,
        status: 'completed',
        createdAt: '2026-03-15T12:00:00.000Z',
      },
    ]);
  });

  it('deletes by import, by range and all, returning counts and freeing the allowance', async () => {
    const user = await t.signUp();
    const a = (await gql(IMPORT, { csv: pathRows(30, 'a') }, { cookie: user.cookie })).data?.importJourneys;
    await gql(IMPORT, { csv: pathRows(20, 'b') }, { cookie: user.cookie });
    for (const day of ['2026-03-02', '2026-03-05', '2026-03-09']) {
      await gql(
        TRACK,
        { input: { touches: [{ channel: 'x', at: `${day}T00:00:00Z` }], convertedAt: `${day}T01:00:00Z` } },
        { cookie: user.cookie },
      );
    }
    expect((await stored(user)).used).toBe(53);

    const byImport = await gql(
      `mutation ($id: ID!) { deleteImport(id: $id) { journeys pathRows } }`,
      {
        id: a.id,
      },
      { cookie: user.cookie },
    );
    expect(byImport.data?.deleteImport).toEqual({ journeys: 0, pathRows: 30 });
    expect((await stored(user)).used).toBe(23);
    const unknown = await gql(
      `mutation ($id: ID!) { deleteImport(id: $id) { journeys } }`,
      { id: a.id },
      {
        cookie: user.cookie,
      },
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'IMPORT_NOT_FOUND' });

    const byRange = await gql(
      `mutation ($range: JourneyRangeInput!) { deleteJourneys(range: $range) { journeys pathRows } }`,
      { range: { from: '2026-03-04T00:00:00Z', to: '2026-03-10T00:00:00Z' } },
      { cookie: user.cookie },
    );
    expect(byRange.data?.deleteJourneys).toEqual({ journeys: 2, pathRows: 0 });
    expect((await stored(user)).used).toBe(21);

    const all = await gql('mutation { deleteAllJourneys { journeys pathRows } }', {}, { cookie: user.cookie });
    expect(all.data?.deleteAllJourneys).toEqual({ journeys: 1, pathRows: 20 });
    expect(await stored(user)).toEqual({ used: 0, limit: 10_000, remaining: 10_000 });
    expect(await rowsOf(user.organizationId)).toEqual({ journeys: 0, paths: 0, imports: 0 });
    expect(
      await t.sql('select 1 from touch t join journey j on j.id = t.journey_id where j.organization_id = ?', [
        user.organizationId,
      ]),
    ).toEqual([]);
  });

  it('lets members list imports but not delete journeys', async () => {
    const user = await t.signUp();
    const imported = (await gql(IMPORT, { csv: pathRows(3, 'member') }, { cookie: user.cookie })).data?.importJourneys;
    await t.sql(`update membership set role = 'MEMBER' where organization_id = ?`, [user.organizationId]);
    expect((await gql(IMPORTS, {}, { cookie: user.cookie })).data?.imports).toHaveLength(1);
    for (const [mutation, variables] of [
      ['mutation ($id: ID!) { deleteImport(id: $id) { journeys } }', { id: imported.id }],
      ['mutation { deleteAllJourneys { journeys } }', {}],
    ] as const) {
      const refused = await gql(mutation, variables, { cookie: user.cookie });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await rowsOf(user.organizationId)).toEqual({ journeys: 0, paths: 3, imports: 1 });
  });

  it('refuses a range that ends before it starts, and deletes nothing of another organization', async () => {
    const owner = await t.signUp();
    const other = await t.signUp();
    await gql(IMPORT, { csv: pathRows(4, 'mine') }, { cookie: other.cookie });
    const backwards = await gql(
      `mutation ($range: JourneyRangeInput!) { deleteJourneys(range: $range) { journeys } }`,
      { range: { from: '2026-03-10T00:00:00Z', to: '2026-03-01T00:00:00Z' } },
      { cookie: owner.cookie },
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_WINDOW' });
    await gql('mutation { deleteAllJourneys { journeys } }', {}, { cookie: owner.cookie });
    expect(await rowsOf(other.organizationId)).toMatchObject({ paths: 4, imports: 1 });
  });
});

describe('touches per journey', () => {
  const touches = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ channel: `c${i % 7}`, at: '2026-03-01T00:00:00Z' }));

  it('are at most 1,000 through trackJourney', async () => {
    const user = await t.signUp();
    const over = await gql(
      TRACK,
      { input: { touches: touches(1_001), convertedAt: '2026-03-02T00:00:00Z' } },
      { cookie: user.cookie },
    );
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_TOUCHES' });
    const max = await gql(
      TRACK,
      { input: { touches: touches(1_000), convertedAt: '2026-03-02T00:00:00Z' } },
      { cookie: user.cookie },
    );
    expect(max.errors).toBeUndefined();
  });

  it('are at most 1,000 through the CSV import, and the file is refused whole', async () => {
    const user = await t.signUp();
    const lines = touches(1_001).map((touch) => `j1,${touch.channel},${touch.at},,2026-03-02T00:00:00Z,1`);
    const csv = [JOURNEYS_HEADER, 'j0,a,2026-03-01T00:00:00Z,,2026-03-02T00:00:00Z,1', ...lines].join('\n');
    const upload = await uploadCsv(t, csv, { cookie: user.cookie });
    expect(upload.status).toBe(400);
    expect(upload.body.error.message).toMatch(/at most 1000 touches/);
    expect(await rowsOf(user.organizationId)).toEqual({ journeys: 0, paths: 0, imports: 0 });
  });
});
