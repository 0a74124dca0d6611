import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, twoTestApps, type TestApp } from '../../test/harness.js';
import { TestClock } from '../../test/test-clock.js';

// Two API instances on one database; X-Forwarded-For is believed (TRUST_PROXY), so each test picks its addresses.
const ENV = {
  SIGN_IN_MAX_FAILURES: '5',
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: '100',
  SIGN_IN_LOCKOUT_SECONDS: '60',
  TRUST_PROXY: 'loopback',
};
const clock = new TestClock();
const apps = twoTestApps({ env: ENV, clock });

const SIGN_IN =
  'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { role } }';
const SIGN_UP = 'mutation ($input: SignUpInput!) { signUp(input: $input) { role } }';

let nextAddress = 1;
/** A client address no other test uses. */
function newAddress(): string {
  return `203.0.113.${nextAddress++}`;
}

async function call(app: TestApp, from: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
  return String(body.errors?.[0]?.extensions?.reason ?? 'SIGNED_IN');
}

async function signUpFrom(address: string): Promise<string> {
  const email = `owner-${crypto.randomUUID()}@example.com`;
  const input = { email, password: TEST_PASSWORD, organizationName: 'Throttled' };
  expect(await call(apps.one, address, SIGN_UP, { input })).toBe('SIGNED_IN');
  return email;
}

function count(outcomes: string[]): Record<string, number> {
  return outcomes.reduce<Record<string, number>>((counts, outcome) => {
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    return counts;
  }, {});
}

describe('sign-in throttling', () => {
  it('checks at most the limit of 40 parallel wrong passwords, then refuses even the right one from elsewhere', async () => {
    const email = await signUpFrom(newAddress());
    const attacker = newAddress();
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () => call(apps.one, attacker, SIGN_IN, { email, password: 'not the password' })),
    );
    expect(count(outcomes)).toEqual({ INVALID_CREDENTIALS: 5, TOO_MANY_ATTEMPTS: 35 });
    expect(await call(apps.one, newAddress(), SIGN_IN, { email, password: TEST_PASSWORD })).toBe('TOO_MANY_ATTEMPTS');
  });

  it('shares the limit between two API instances on one database', async () => {
    const email = await signUpFrom(newAddress());
    const attacker = newAddress();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(i % 2 ? apps.one : apps.two, attacker, SIGN_IN, { email, password: 'not the password' }),
      ),
    );
    expect(count(outcomes)).toEqual({ INVALID_CREDENTIALS: 5, TOO_MANY_ATTEMPTS: 15 });
  });

  it('lets the owner in from an address they signed in from while an attacker fails from another', async () => {
    const home = newAddress();
    const email = await signUpFrom(home);
    const attacker = newAddress();
    for (let attempt = 0; attempt < 12; attempt++) {
      await call(attempt % 2 ? apps.one : apps.two, attacker, SIGN_IN, { email, password: `guess ${attempt}` });
    }
    expect(await call(apps.one, newAddress(), SIGN_IN, { email, password: TEST_PASSWORD })).toBe('TOO_MANY_ATTEMPTS');
    expect(await call(apps.two, home, SIGN_IN, { email, password: TEST_PASSWORD })).toBe('SIGNED_IN');
  });

  it('refuses for longer with each further failure (backoff), and counts a failure again once the refusal is over', async () => {
    const email = await signUpFrom(newAddress());
    const attacker = newAddress();
    const start = clock.now();
    const at = (seconds: number) => clock.set(new Date(start.getTime() + seconds * 1000));
    for (let attempt = 0; attempt < 5; attempt++) await call(apps.one, attacker, SIGN_IN, { email, password: 'wrong' });
    at(59);
    expect(await call(apps.one, attacker, SIGN_IN, { email, password: 'wrong' })).toBe('TOO_MANY_ATTEMPTS');
    at(61);
    expect(await call(apps.one, attacker, SIGN_IN, { email, password: 'wrong' })).toBe('INVALID_CREDENTIALS');
    // The sixth failure doubled the refusal: 120 s from 61 s.
    at(61 + 119);
    expect(await call(apps.one, attacker, SIGN_IN, { email, password: 'wrong' })).toBe('TOO_MANY_ATTEMPTS');
    at(61 + 121);
    expect(await call(apps.one, attacker, SIGN_IN, { email, password: TEST_PASSWORD })).toBe('SIGNED_IN');
    clock.set(start);
  });
});
