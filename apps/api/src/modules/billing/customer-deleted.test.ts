import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedUpUser } from '../../test/harness.js';
import { startBillingKit, type BillingKit } from './test/billing-test-kit.js';
import { graphql } from '../../test/gql/index.js';

let kit: BillingKit;
beforeAll(async () => {
  kit = await startBillingKit();
});
afterAll(() => kit.stop());

const ACCOUNT = graphql(`
  query CustomerDeletedBillingAccount {
    billingAccount {
      hasCustomer
      canCheckout
      subscription {
        status
        access
      }
    }
  }
`);

async function storedCustomer(
  user: SignedUpUser,
): Promise<{ stripe_customer_id: string; deleted_at: string | null } | undefined> {
  const [row] = await kit.t.sql<{ stripe_customer_id: string; deleted_at: string | null }>(
    'select stripe_customer_id, deleted_at from billing_customer where organization_id = ?',
    [user.organizationId],
  );
  return row;
}

async function customerOfSession(sessionId: string): Promise<string> {
  return String((await kit.stripe.checkout.sessions.retrieve(sessionId)).customer);
}

describe('a Stripe customer that no longer exists', () => {
  it('customer.deleted: the customer is forgotten, its subscription ends as in Stripe, and the next checkout makes a new customer', async () => {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    const deleted = (await storedCustomer(user))?.stripe_customer_id ?? '';
    expect(deleted).toMatch(/^cus_/);

    await kit.stripe.customers.del(deleted);
    await kit.settled();
    const [event] = await kit.t.sql<{ status: string; organization_id: string; result: string }>(
      `select status, organization_id, result from stripe_webhook_event where type = 'customer.deleted' and object_id = ?`,
      [deleted],
    );
    expect(event).toMatchObject({ status: 'processed', organization_id: user.organizationId });
    expect(event?.result).toContain(`customer ${deleted} forgotten`);
    expect((await storedCustomer(user))?.deleted_at).not.toBeNull();
    const afterDeletion = await kit.t.graphql(ACCOUNT, {}, { cookie: user.cookie });
    expect(afterDeletion.data?.billingAccount).toEqual({
      hasCustomer: false,
      canCheckout: true,
      subscription: { status: 'canceled', access: 'ENDED' },
    });
    expect(await kit.planOf(user)).toEqual({ tier: 'FREE', runs: 500 });

    const session = await kit.checkout(user, 'SCALE');
    const replacement = await customerOfSession(session.id);
    expect(replacement).not.toBe(deleted);
    expect(await storedCustomer(user)).toEqual({ stripe_customer_id: replacement, deleted_at: null });
    await kit.completeCheckout(session.id);
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });
    const again = await kit.t.graphql(ACCOUNT, {}, { cookie: user.cookie });
    expect(again.data?.billingAccount).toEqual({
      hasCustomer: true,
      canCheckout: false,
      subscription: { status: 'active', access: 'PAID' },
    });
  });

  it("Stripe answers resource_missing for the stored customer (test data cleared, the other mode's keys): checkout makes a new one", async () => {
    const user = await kit.t.signUp();
    // A customer id Stripe has never heard of, as after clearing test data.
    await kit.t.sql(
      'insert into billing_customer (organization_id, stripe_customer_id, email, created_at) values (?, ?, ?, now())',
      [user.organizationId, 'cus_ClearedTestData0001', user.email],
    );

    const session = await kit.checkout(user, 'PRO');
    const replacement = await customerOfSession(session.id);
    expect(replacement).not.toBe('cus_ClearedTestData0001');
    expect(await kit.stripe.customers.retrieve(replacement)).toMatchObject({
      email: user.email,
      metadata: { organization_id: user.organizationId },
    });
    expect(await storedCustomer(user)).toEqual({ stripe_customer_id: replacement, deleted_at: null });
    await kit.completeCheckout(session.id);
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });
  });

  it('the portal too: a missing customer is replaced instead of failing', async () => {
    const user = await kit.t.signUp();
    await kit.t.sql(
      'insert into billing_customer (organization_id, stripe_customer_id, email, created_at) values (?, ?, ?, now())',
      [user.organizationId, 'cus_ClearedTestData0002', user.email],
    );
    const portal = await kit.t.graphql(
      graphql(`
        mutation CustomerDeletedCreatePortalSession {
          createPortalSession {
            url
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(portal.errors).toBeUndefined();
    const replacement = (await storedCustomer(user))?.stripe_customer_id;
    expect(replacement).toMatch(/^cus_/);
    expect(replacement).not.toBe('cus_ClearedTestData0002');
    expect((await fetch(portal.data?.createPortalSession.url ?? '')).status).toBe(200);
  });
});
