import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../test/harness.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
// A stand-in for the built SPA, so its routes are served as in production.
const webDist = mkdtempSync(join(tmpdir(), 'aa-web-'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><script type="module" src="/app.js"></script>');
let direct: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  [direct, proxied] = await Promise.all([
    startTestApp({ env: { WEB_DIST_DIR: webDist } }),
    startTestApp({ env: { TRUST_PROXY: 'loopback', METRICS_TOKEN } }),
  ]);
});
afterAll(async () => {
  await Promise.all([direct.stop(), proxied.stop()]);
  rmSync(webDist, { recursive: true, force: true });
});

const SIGN_IN =
  'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { role } }';

async function signInCookie(app: TestApp, headers: Record<string, string>): Promise<string> {
  const user = await app.signUp();
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: SIGN_IN, variables: { email: user.email, password: TEST_PASSWORD } }),
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().join('\n');
}

describe('behind a TLS proxy (TRUST_PROXY)', () => {
  it('sets the session cookie Secure when the trusted proxy forwarded HTTPS, and only then', async () => {
    expect(await signInCookie(proxied, { 'x-forwarded-proto': 'https' })).toMatch(/aa_session=.*; Secure/);
    expect(await signInCookie(proxied, {})).not.toMatch(/Secure/);
    // Without TRUST_PROXY anyone could claim HTTPS: the header is ignored.
    expect(await signInCookie(direct, { 'x-forwarded-proto': 'https' })).not.toMatch(/Secure/);
  });

  it('sends HSTS on secure requests only', async () => {
    const secure = await fetch(`${proxied.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await fetch(`${proxied.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    const spoofed = await fetch(`${direct.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('security headers', () => {
  it.each([
    ['the SPA', '/pricing', 'GET'],
    ['the API', '/graphql', 'POST'],
  ])(
    'are on %s: a CSP without inline scripts that no page may frame, nosniff, no referrer',
    async (_label, path, method) => {
      const response = await fetch(`${direct.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: JSON.stringify({ query: '{ __typename }' }) } : {}),
      });
      expect(response.status).toBe(200);
      const csp = Object.fromEntries(
        (response.headers.get('content-security-policy') ?? '').split(';').map((directive) => {
          const [name = '', ...values] = directive.trim().split(/\s+/);
          return [name, values.join(' ')];
        }),
      );
      expect(csp).toMatchObject({ 'default-src': "'self'", 'script-src': "'self'", 'frame-ancestors': "'none'" });
      expect(csp['script-src-attr']).toBe("'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );

  it('on a webhook answer, read by no browser, are only nosniff and a CSP that allows nothing', async () => {
    const response = await fetch(`${direct.url}/webhooks/stripe`, { method: 'POST', body: '{}' });
    // This instance has no Stripe: the route answers 503 itself, headers and all.
    expect(response.status).toBe(503);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    for (const name of ['cross-origin-opener-policy', 'x-frame-options', 'referrer-policy', 'x-dns-prefetch-control'])
      expect(response.headers.get(name)).toBeNull();
  });
});

describe('/metrics', () => {
  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    const read = (authorization?: string) =>
      fetch(`${proxied.url}/metrics`, authorization ? { headers: { authorization } } : {});
    expect((await read()).status).toBe(404);
    expect((await read('Bearer wrong-token-0123456789abcdef')).status).toBe(404);
    const allowed = await read(`Bearer ${METRICS_TOKEN}`);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toMatch(/^# HELP /m);
  });

  it('without a token, answers this machine only, not a client a trusted proxy forwards', async () => {
    expect((await fetch(`${direct.url}/metrics`)).status).toBe(200);
    const open = await startTestApp({ env: { TRUST_PROXY: 'loopback' } });
    try {
      expect((await fetch(`${open.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(404);
    } finally {
      await open.stop();
    }
  });
});
