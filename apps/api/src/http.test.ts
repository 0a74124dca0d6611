import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './test/harness.js';
import { graphql } from './test/gql/index.js';

let t: TestApp;
let webDist: string;
beforeAll(async () => {
  webDist = await mkdtemp(join(tmpdir(), 'aa-web-'));
  await writeFile(join(webDist, 'index.html'), '<!doctype html><title>Attribution Analytics</title>');
  await writeFile(join(webDist, 'app.js'), 'console.log(1)');
  t = await startTestApp({ env: { WEB_DIST_DIR: webDist } });
});
afterAll(async () => {
  await t.stop();
  await rm(webDist, { recursive: true, force: true });
});

describe('HTTP surface', () => {
  it('answers liveness and readiness (database reachable)', async () => {
    expect(await (await fetch(`${t.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'external' });
  });

  it('exposes Prometheus metrics: requests and errors by code', async () => {
    await t.graphql(
      graphql(`
        query HttpUsage {
          usage {
            attributionRuns {
              used
            }
          }
        }
      `),
    );
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toMatch(/aa_http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+/);
    expect(text).toMatch(/aa_graphql_errors_total\{code="UNAUTHENTICATED"\} \d+/);
  });

  it('echoes a request id, or makes one', async () => {
    const given = await fetch(`${t.url}/healthz`, { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    expect((await fetch(`${t.url}/healthz`)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a 10 MB body (limit 8 MB) with 413 and a GraphQL-shaped PAYLOAD_TOO_LARGE, changing nothing', async () => {
    const [before] = await t.sql<{ n: string }>('select count(*) as n from organization');
    const body = JSON.stringify({
      query: 'mutation ($input: SignUpInput!) { signUp(input: $input) { role } }',
      variables: {
        input: { email: 'big@example.com', password: 'x'.repeat(10 * 1024 * 1024), organizationName: 'Big' },
      },
    });
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
    const json = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(json.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const [after] = await t.sql<{ n: string }>('select count(*) as n from organization');
    expect(after?.n).toBe(before?.n);
  });

  it('rejects an unknown plan tier as BAD_USER_INPUT', async () => {
    const plansOf = graphql(`
      query HttpPlans($tiers: [PlanTier!]) {
        plans(tiers: $tiers) {
          tier
        }
      }
    `);
    // ENTERPRISE is not a PlanTier: the variables are deliberately outside the document's types.
    const result = await t.untypedGraphql(plansOf, { tiers: ['ENTERPRISE'] });
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('ENTERPRISE');
    const known = await t.graphql(plansOf, { tiers: ['PRO'] });
    expect(known.data).toEqual({ plans: [{ tier: 'PRO' }] });
  });

  it('limits aliases per request (graphql-armor)', async () => {
    // Built per count, so untyped: only the errors are read.
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `p${i}: plans { tier }`).join(' ')} }`;
    expect((await t.untypedGraphql(aliases(10))).errors).toBeUndefined();
    const result = await t.untypedGraphql(aliases(40));
    expect(result.errors?.[0]?.message).toMatch(/aliases/i);
  });

  it('serves the SPA with index.html for its client routes, but not for API paths', async () => {
    for (const path of ['/', '/pricing', '/billing/success?session_id=cs_1', '/attribution', '/settings']) {
      const response = await fetch(`${t.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<title>Attribution Analytics</title>');
    }
    expect(await (await fetch(`${t.url}/app.js`)).text()).toBe('console.log(1)');
    expect((await fetch(`${t.url}/graphql`)).status).not.toBe(200);
  });
});
