import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, dataOf, sessionCookieOf, startTestApp, type TestApp } from '../../test/harness.js';
import { graphql } from '../../test/gql/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { SIGN_IN_MAX_FAILURES: '3', SIGN_IN_LOCKOUT_SECONDS: '60' } });
});
afterAll(() => t.stop());

const SIGN_UP = graphql(`
  mutation AccountsSignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        email
      }
      organization {
        id
        name
      }
      role
    }
  }
`);
const SIGN_IN = graphql(`
  mutation AccountsSignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      user {
        email
      }
      role
    }
  }
`);
const ME = graphql(`
  query AccountsMe {
    me {
      user {
        email
      }
      organization {
        id
      }
      role
    }
  }
`);

async function countRows(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const rows = await t.sql<{ n: string }>(`select count(*) as n from ${table} where ${where}`, params);
  return Number(rows[0]?.n);
}

describe('sign-up and sign-in', () => {
  it('signs up: creates the organization with the caller as OWNER, normalises the email and signs in', async () => {
    const email = `  New.User+${Date.now()}@Example.COM `;
    const result = await t.graphql(SIGN_UP, { input: { email, password: TEST_PASSWORD, organizationName: ' Acme ' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.signUp).toMatchObject({
      user: { email: email.trim().toLowerCase() },
      organization: { name: 'Acme' },
      role: 'OWNER',
    });
    const setCookie = result.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/aa_session=.+HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await t.graphql(ME, {}, { cookie: sessionCookieOf(result.headers) });
    expect(me.data?.me).toMatchObject({ user: { email: email.trim().toLowerCase() }, role: 'OWNER' });
    const [user] = await t.sql<{ password_hash: string }>('select password_hash from app_user where email = ?', [
      email.trim().toLowerCase(),
    ]);
    expect(user?.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('stores only the hash of the session token', async () => {
    const user = await t.signUp();
    const token = user.cookie.split('=')[1] ?? '';
    expect(await countRows('user_session', 'token_hash = ?', [token])).toBe(0);
  });

  it('ends a session when it expires (30 days by default)', async () => {
    const user = await t.signUp();
    const start = t.clock.now();
    t.clock.set(new Date(start.getTime() + 29 * 86_400_000));
    const stillSignedIn = {
      me: { user: { email: user.email }, organization: { id: user.organizationId }, role: 'OWNER' },
    };
    expect((await t.graphql(ME, {}, { cookie: user.cookie })).data).toEqual(stillSignedIn);
    t.clock.set(new Date(start.getTime() + 31 * 86_400_000));
    expect((await t.graphql(ME, {}, { cookie: user.cookie })).data).toEqual({ me: null });
    t.clock.set(start);
  });

  it('signs in with the right password and out again', async () => {
    const user = await t.signUp();
    const signedIn = await t.graphql(SIGN_IN, { email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(signedIn.data?.signIn).toEqual({ user: { email: user.email }, role: 'OWNER' });
    const cookie = sessionCookieOf(signedIn.headers);
    expect(
      (
        await t.graphql(
          graphql(`
            mutation AccountsSignOut {
              signOut
            }
          `),
          {},
          { cookie },
        )
      ).data,
    ).toEqual({ signOut: true });
    expect((await t.graphql(ME, {}, { cookie })).data).toEqual({ me: null });
  });

  it('refuses a wrong password, then slows down repeated failures', async () => {
    const user = await t.signUp();
    for (let attempt = 0; attempt < 3; attempt++) {
      const wrong = await t.graphql(SIGN_IN, { email: user.email, password: 'not the password' });
      expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    }
    const locked = await t.graphql(SIGN_IN, { email: user.email, password: TEST_PASSWORD });
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'TOO_MANY_ATTEMPTS' });
    t.clock.set(new Date(t.clock.now().getTime() + 61_000));
    expect((await t.graphql(SIGN_IN, { email: user.email, password: TEST_PASSWORD })).data?.signIn.user?.email).toBe(
      user.email,
    );
  });

  it.each([
    ['a malformed email', { email: 'not-an-email' }, 'INVALID_EMAIL', 'email'],
    ['a short password', { password: 'short' }, 'WEAK_PASSWORD', 'password'],
    ['an empty organization name', { organizationName: '   ' }, 'INVALID_ORGANIZATION_NAME', 'organizationName'],
  ])('rejects %s with a typed error and creates nothing', async (_label, override, reason, field) => {
    const before = [await countRows('organization'), await countRows('app_user')];
    const input = {
      email: `u-${Math.random()}@example.com`,
      password: TEST_PASSWORD,
      organizationName: 'X',
      ...override,
    };
    const result = await t.graphql(SIGN_UP, { input });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason, field });
    expect(result.headers.getSetCookie()).toEqual([]);
    expect([await countRows('organization'), await countRows('app_user')]).toEqual(before);
  });

  it('refuses a second account with the same email', async () => {
    const user = await t.signUp();
    const again = await t.graphql(SIGN_UP, {
      input: { email: user.email, password: TEST_PASSWORD, organizationName: 'Other' },
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN', field: 'email' });
  });
});

describe('API keys', () => {
  const CREATE = graphql(`
    mutation AccountsCreateApiKey($name: String!) {
      createApiKey(name: $name) {
        secret
        apiKey {
          id
          name
          prefix
          lastUsedAt
          revokedAt
        }
      }
    }
  `);

  it('creates a key shown once, authenticates with it and refuses it once revoked', async () => {
    const user = await t.signUp();
    const created = await t.graphql(CREATE, { name: 'CI' }, { cookie: user.cookie });
    const { secret, apiKey } = created.data!.createApiKey;
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey).toMatchObject({ name: 'CI', lastUsedAt: null, revokedAt: null });
    expect(await countRows('api_key', 'secret_hash = ? or prefix = ?', [secret, secret])).toBe(0);

    const viaKey = await t.graphql(ME, {}, { apiKey: secret });
    expect(viaKey.data?.me).toEqual({ user: null, organization: { id: user.organizationId }, role: 'MEMBER' });
    const listed = await t.graphql(
      graphql(`
        query AccountsApiKeys {
          apiKeys {
            id
            lastUsedAt
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    // The test clock stands still, so the key was last used, and is revoked below, at its now.
    expect(listed.data).toEqual({ apiKeys: [{ id: apiKey.id, lastUsedAt: t.clock.now().toISOString() }] });

    const revoked = await t.graphql(
      graphql(`
        mutation AccountsRevokeApiKey($id: ID!) {
          revokeApiKey(id: $id) {
            revokedAt
          }
        }
      `),
      { id: apiKey.id },
      { cookie: user.cookie },
    );
    expect(revoked.data).toEqual({ revokeApiKey: { revokedAt: t.clock.now().toISOString() } });
    const refused = await t.graphql(
      graphql(`
        query AccountsUsage {
          usage {
            attributionRuns {
              used
            }
          }
        }
      `),
      {},
      { apiKey: secret },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.graphql(ME, {}, { apiKey: secret })).data).toEqual({ me: null });
  });

  it('lets only admins manage keys: an API key cannot mint more keys', async () => {
    const user = await t.signUp();
    const secret = await t.createApiKey(user);
    const result = await t.graphql(CREATE, { name: 'escalation' }, { apiKey: secret });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.graphql(CREATE, { name: 'anonymous' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("cannot revoke another organization's key", async () => {
    const owner = await t.signUp();
    const stranger = await t.signUp();
    const created = await t.graphql(CREATE, { name: 'mine' }, { cookie: owner.cookie });
    const id = dataOf(created).createApiKey.apiKey.id;
    const result = await t.graphql(
      graphql(`
        mutation AccountsRevokeApiKey2($id: ID!) {
          revokeApiKey(id: $id) {
            id
          }
        }
      `),
      { id },
      { cookie: stranger.cookie },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'API_KEY_NOT_FOUND' });
    expect(await countRows('api_key', 'id = ? and revoked_at is null', [id])).toBe(1);
  });
});
