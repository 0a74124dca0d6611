import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';
import { pgQuery } from './sql.js';

let t: TestApp;
beforeAll(async () => {
  // One connection, so every statement below meets the session that prepared the first.
  t = await startTestApp({ env: { DATABASE_POOL_SIZE: '1', RECONCILE_SCHEDULE: 'off' } });
});
afterAll(() => t.stop());

describe('pgQuery', () => {
  it('keeps a named statement prepared on PostgreSQL, and prepares none on PGlite, whose connections share a session', async () => {
    const [server] = await pgQuery<{ version: string }>(t.app.orm, 'select version() as version');
    const sharedSession = server!.version.includes('PGlite');
    for (const n of [1, 2, 3]) {
      expect(await pgQuery(t.app.orm, 'select $1::int as n', [n], 'sql_test_named')).toEqual([{ n }]);
    }
    const prepared = await pgQuery(t.app.orm, "select name from pg_prepared_statements where name = 'sql_test_named'");
    expect(prepared).toHaveLength(sharedSession ? 0 : 1);
  });
});
