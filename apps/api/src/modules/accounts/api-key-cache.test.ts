import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { TestClock } from '../../test/test-clock.js';
import { ApiKeysService } from './api-keys.service.js';

// Two instances on one database, as in production behind a load balancer.
const clock = new TestClock();
let one: TestApp;
let two: TestApp;
beforeAll(async () => {
  [one, two] = await Promise.all([startTestApp({ clock }), startTestApp({ clock })]);
});
afterAll(() => Promise.all([one.stop(), two.stop()]));

const WHO = '{ me { organization { id } } }';

/** The organization the key authenticates as on `app`, or null when it is refused. */
async function organizationOf(app: TestApp, apiKey: string): Promise<string | null> {
  const answer = await app.untypedGraphql(WHO, {}, { apiKey });
  const me = (answer.data as { me: { organization: { id: string } } | null } | undefined)?.me;
  return me?.organization.id ?? null;
}

async function revoke(app: TestApp, cookie: string, secret: string): Promise<void> {
  const [key] = await app.sql<{ id: string }>('select id from api_key where prefix = ?', [secret.slice(0, 11)]);
  const answer = await app.untypedGraphql(
    'mutation ($id: ID!) { revokeApiKey(id: $id) { id } }',
    { id: key!.id },
    { cookie },
  );
  expect(answer.errors).toBeUndefined();
}

describe('API keys are authenticated from a cache that revocations reach', () => {
  it('refuses a revoked key at once on the revoking instance and within a second on another', async () => {
    const user = await one.signUp();
    const secret = await one.createApiKey(user);
    // Both instances have the key cached now.
    expect(await organizationOf(one, secret)).toBe(user.organizationId);
    expect(await organizationOf(two, secret)).toBe(user.organizationId);

    await revoke(two, user.cookie, secret);
    const revokedAt = performance.now();
    expect(await organizationOf(two, secret)).toBeNull();

    // Instance one learns it from the database: waited for, not slept for.
    while ((await organizationOf(one, secret)) !== null) {
      expect(performance.now() - revokedAt).toBeLessThan(1000);
    }
    expect(performance.now() - revokedAt).toBeLessThan(1000);
  });

  it('serves cached keys without a lookup and keeps only the most recently used', async () => {
    const user = await one.signUp();
    const secrets = [await one.createApiKey(user, 'a'), await one.createApiKey(user, 'b')];
    // A cache that is never re-checked in this test and holds one key.
    const apiKeys = new ApiKeysService(one.app.orm, clock, { revalidateMs: 3_600_000, maxEntries: 1 });
    expect((await apiKeys.authenticate(secrets[0]!))?.organizationId).toBe(user.organizationId);

    // Revoked behind the cache's back (no evict): the cached key is still served, so no lookup ran.
    await one.sql('update api_key set revoked_at = now() where organization_id = ?', [user.organizationId]);
    expect((await apiKeys.authenticate(secrets[0]!))?.organizationId).toBe(user.organizationId);
    // The second key is looked up (refused: revoked) and cached nothing; the first stays cached.
    expect(await apiKeys.authenticate(secrets[1]!)).toBeNull();
    expect((await apiKeys.authenticate(secrets[0]!))?.organizationId).toBe(user.organizationId);

    // A valid key pushes the first one out (one entry), which is then looked up and refused.
    const third = await one.createApiKey(user, 'c');
    expect((await apiKeys.authenticate(third))?.organizationId).toBe(user.organizationId);
    expect(await apiKeys.authenticate(secrets[0]!)).toBeNull();
  });

  it('does not put back a key revoked while it was being looked up', async () => {
    const user = await one.signUp();
    const secret = await one.createApiKey(user);
    const apiKeys = new ApiKeysService(one.app.orm, clock, { revalidateMs: 3_600_000, maxEntries: 10 });
    // The lookup and the revocation race; whichever wins, a later call must see the revocation.
    const [id] = await one.sql<{ id: string }>('select id from api_key where organization_id = ?', [
      user.organizationId,
    ]);
    const principal = { kind: 'session', organizationId: user.organizationId } as const;
    const session = { ...principal, userId: 'unused', sessionId: 'unused', role: 'OWNER' } as const;
    await Promise.all([apiKeys.authenticate(secret), apiKeys.revoke(session, id!.id)]);
    expect(await apiKeys.authenticate(secret)).toBeNull();
  });
});
