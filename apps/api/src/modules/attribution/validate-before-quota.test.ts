import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { TRACK_JOURNEY as TRACK } from './test-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set('2026-04-20T08:00:00Z');
});
afterAll(() => t.stop());

const USAGE = '{ usage { attributionRuns { used remaining periodStart } } }';
const VALID = {
  touches: [{ channel: 'email', at: '2026-04-01T00:00:00Z' }],
  convertedAt: '2026-04-02T00:00:00Z',
  value: 10,
};
const INVALID = [
  { ...VALID, value: -1 },
  { ...VALID, touches: [] },
  { ...VALID, convertedAt: '2026-03-01T00:00:00Z' },
];

it('validates before reserving: with 10 runs left, 30 invalid calls beside 10 valid ones take no unit', async () => {
  const user = await t.signUp();
  const apiKey = await t.createApiKey(user);
  const meter = async () => (await t.graphql(USAGE, {}, { apiKey })).data?.usage.attributionRuns;
  // FREE allows 500 runs a month: 490 used leaves 10.
  await t.sql(
    "insert into usage_counter (organization_id, metric, period_start, used) values (?, 'ATTRIBUTION_RUNS', ?, 490)",
    [user.organizationId, (await meter()).periodStart],
  );
  const inputs = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? VALID : INVALID[i % 3]));
  const results = await Promise.all(inputs.map((input) => t.graphql(TRACK, { input }, { apiKey })));

  const valid = results.filter((_, i) => inputs[i] === VALID);
  const invalid = results.filter((_, i) => inputs[i] !== VALID);
  expect(valid.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK')).toEqual(Array(10).fill('OK'));
  expect(invalid.map((result) => [result.status, result.errors?.[0]?.extensions?.code])).toEqual(
    Array(30).fill([200, 'BAD_USER_INPUT']),
  );
  expect(await meter()).toMatchObject({ used: 500, remaining: 0 });
  const [stored] = await t.sql<{ n: string }>('select count(*) as n from journey where organization_id = ?', [
    user.organizationId,
  ]);
  expect(Number(stored?.n)).toBe(10);
});
