import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { TEST_PASSWORD, twoTestApps, type TestApp } from '../../test/harness.js';
import { TestClock } from '../../test/test-clock.js';

// Low limits, two instances on one database, X-Forwarded-For believed so each test has its own address.
const ENV = {
  TRUST_PROXY: 'loopback',
  RATE_LIMIT_API_KEY: '3/30s',
  RATE_LIMIT_ORGANIZATION: '5/50s',
  RATE_LIMIT_ANONYMOUS: '4/40s',
  RATE_LIMIT_SIGN_UP: '2/1h',
  RATE_LIMIT_SIGN_IN: '3/1h',
};
const clock = new TestClock();
const apps = twoTestApps({ env: ENV, clock });

let nextAddress = 1;
function newAddress(): string {
  return `198.51.100.${nextAddress++}`;
}

interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: unknown;
    errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
    error?: Record<string, unknown>;
  };
}

/** The extensions of a GraphQL answer's first error. */
function firstError(answer: Answer): Record<string, unknown> | undefined {
  return answer.body.errors?.[0]?.extensions;
}

async function post(app: TestApp, path: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

function graphql(app: TestApp, headers: Record<string, string>, query = '{ __typename }', variables = {}) {
  return post(app, '/graphql', { query, variables }, headers);
}

/** An organization with two API keys. */
async function organizationWithKeys(): Promise<{ keys: [string, string] }> {
  const user = await apps.one.signUp();
  const keys: [string, string] = [
    await apps.one.createApiKey(user, 'first'),
    await apps.one.createApiKey(user, 'second'),
  ];
  // An hour later every bucket the set-up took from is full again.
  clock.set(new Date(clock.now().getTime() + 3_600_000));
  return { keys };
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}`, 'x-forwarded-for': newAddress() });

describe('rate limits', () => {
  it('answers an API key its remaining requests, then 429 RATE_LIMITED with retryAfter and Retry-After until the bucket refills', async () => {
    const { keys } = await organizationWithKeys();
    const first = await graphql(apps.one, bearer(keys[0]));
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toBe('"api-key";q=3;w=30, "organization";q=5;w=50');
    expect(first.headers.get('ratelimit')).toBe('"api-key";r=2;t=10, "organization";r=4;t=10');
    expect((await graphql(apps.one, bearer(keys[0]))).status).toBe(200);
    expect((await graphql(apps.one, bearer(keys[0]))).headers.get('ratelimit')).toMatch(/^"api-key";r=0;t=30, /);

    const refused = await graphql(apps.one, bearer(keys[0]));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(refused.body).toEqual({
      errors: [
        {
          message: 'Too many requests (api-key limit); retry in 10 seconds',
          extensions: { code: 'RATE_LIMITED', reason: 'RATE_LIMITED', policy: 'api-key', retryAfter: 10 },
        },
      ],
    });

    clock.set(new Date(clock.now().getTime() + 10_000));
    expect((await graphql(apps.one, bearer(keys[0]))).status).toBe(200);
    expect((await graphql(apps.one, bearer(keys[0]))).status).toBe(429);
  });

  it('starts a bucket afresh when the clock was set back, instead of refusing until it catches up', async () => {
    const { keys } = await organizationWithKeys();
    const now = clock.now();
    clock.set(new Date(now.getTime() + 86_400_000));
    for (let i = 0; i < 3; i++) expect((await graphql(apps.one, bearer(keys[0]))).status).toBe(200);
    clock.set(now);
    expect((await graphql(apps.two, bearer(keys[0]))).status).toBe(200);
  });

  it('shares buckets between two instances, and an organization bucket between its keys', async () => {
    const { keys } = await organizationWithKeys();
    const burst = async (key: string) => {
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => graphql(i % 2 ? apps.one : apps.two, bearer(key))),
      );
      return answers.map((answer) => (answer.status === 200 ? 'ok' : firstError(answer)?.policy)).sort();
    };
    // The first key's own bucket (3) runs out first; the organization's (5) then ends the second key's calls.
    expect(await burst(keys[0])).toEqual(['api-key', 'api-key', 'api-key', 'ok', 'ok', 'ok']);
    expect(await burst(keys[1])).toEqual(['api-key', 'api-key', 'api-key', 'ok', 'ok', 'organization']);
  });

  it('limits anonymous calls per client address, GraphQL and REST alike', async () => {
    const [attacker, bystander] = [newAddress(), newAddress()];
    for (let i = 0; i < 4; i++) expect((await graphql(apps.two, { 'x-forwarded-for': attacker })).status).toBe(200);
    const graphqlRefusal = await graphql(apps.one, { 'x-forwarded-for': attacker });
    expect(graphqlRefusal.status).toBe(429);
    expect(graphqlRefusal.headers.get('ratelimit-policy')).toBe('"anonymous";q=4;w=40');
    const restRefusal = await post(apps.one, '/imports/journeys', {}, { 'x-forwarded-for': attacker });
    expect(restRefusal.status).toBe(429);
    expect(restRefusal.body).toEqual({
      error: {
        message: 'Too many requests (anonymous limit); retry in 10 seconds',
        code: 'RATE_LIMITED',
        reason: 'RATE_LIMITED',
        policy: 'anonymous',
        retryAfter: 10,
      },
    });
    expect((await graphql(apps.one, { 'x-forwarded-for': bystander })).status).toBe(200);
  });

  it('limits sign-ups and sign-ins per client address, creating nothing once refused', async () => {
    const address = newAddress();
    const signUp = (n: number) =>
      graphql(
        apps.one,
        { 'x-forwarded-for': address },
        'mutation ($input: SignUpInput!) { signUp(input: $input) { role } }',
        {
          input: {
            email: `limited-${n}-${crypto.randomUUID()}@example.com`,
            password: TEST_PASSWORD,
            organizationName: 'L',
          },
        },
      );
    const before = await apps.one.sql<{ n: string }>('select count(*) as n from organization');
    const answers = [await signUp(1), await signUp(2), await signUp(3)];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
    expect(firstError(answers[2]!)).toEqual({
      code: 'RATE_LIMITED',
      reason: 'RATE_LIMITED',
      policy: 'sign-up',
      retryAfter: 1800,
    });
    expect(answers[2]!.headers.get('retry-after')).toBe('1800');
    const after = await apps.one.sql<{ n: string }>('select count(*) as n from organization');
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n) + 2);

    const elsewhere = newAddress();
    const signIn = () =>
      graphql(
        apps.one,
        { 'x-forwarded-for': elsewhere },
        'mutation { signIn(email: "nobody@example.com", password: "wrong password") { role } }',
      );
    const codes: unknown[] = [];
    for (let i = 0; i < 4; i++) codes.push(firstError(await signIn())?.code);
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
  });

  it('refuses malformed bearer tokens and session cookies without looking them up', async () => {
    // While the API key and session tables are locked, only a call that never reads them can answer.
    const locker = new pg.Client({ connectionString: inject('databaseUrl') });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table api_key, user_session in access exclusive mode');
      const address = newAddress();
      const answers = await Promise.all([
        graphql(apps.one, { authorization: 'Bearer not-a-key', 'x-forwarded-for': address }, '{ me { role } }'),
        graphql(
          apps.one,
          { authorization: `Bearer aa_${'x'.repeat(60)}`, 'x-forwarded-for': address },
          '{ me { role } }',
        ),
        graphql(apps.one, { cookie: 'aa_session=forged', 'x-forwarded-for': address }, '{ me { role } }'),
      ]);
      expect(answers.map((answer) => [answer.status, answer.body])).toEqual(
        Array(3).fill([200, { data: { me: null } }]),
      );
      expect((await graphql(apps.one, { authorization: 'Bearer junk', 'x-forwarded-for': address })).status).toBe(200);
      expect((await graphql(apps.one, { authorization: 'Bearer junk', 'x-forwarded-for': address })).status).toBe(429);
    } finally {
      await locker.query('rollback');
      await locker.end();
    }
  });
});
