import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credentials, SignedUpUser } from '../../test/harness.js';
import { postSignedWebhook, startBillingKit, type BillingKit } from './test/billing-test-kit.js';
import { graphql } from '../../test/gql/index.js';

let kit: BillingKit;
beforeAll(async () => {
  kit = await startBillingKit();
});
afterAll(() => kit.stop());

const CHECKOUT = graphql(`
  mutation CheckoutCreateCheckoutSession($tier: PlanTier!) {
    createCheckoutSession(planTier: $tier) {
      id
      url
    }
  }
`);
const PORTAL = graphql(`
  mutation CheckoutCreatePortalSession {
    createPortalSession {
      url
    }
  }
`);
/** The four events one checkout produces that touch the subscription (the others are ignored types). */
const CHECKOUT_EVENT_TYPES = [
  'customer.subscription.created',
  'invoice.paid',
  'invoice.payment_succeeded',
  'checkout.session.completed',
];

async function subscriptionRows(organizationId: string) {
  return kit.t.sql<{
    stripe_subscription_id: string;
    plan_tier: string;
    status: string;
    cancel_at_period_end: boolean;
    current_period_end: Date;
  }>(
    `select stripe_subscription_id, plan_tier, status, cancel_at_period_end, current_period_end
     from billing_subscription where organization_id = ?`,
    [organizationId],
  );
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Checkout paid with every webhook held back; returns the held event ids by type. */
async function paidCheckoutWithHeldEvents(user: SignedUpUser): Promise<Map<string, string>> {
  kit.emulator.holdDeliveries();
  const session = await kit.checkout(user, 'PRO');
  await kit.completeCheckout(session.id);
  const byType = new Map<string, string>();
  for (const id of kit.emulator.heldEventIds()) byType.set((await kit.stripe.events.retrieve(id)).type, id);
  return byType;
}

describe('upgrade FREE → PRO through Checkout', () => {
  it('creates a subscription-mode session for the tier, on the organization customer, with the SPA URLs', async () => {
    const user = await kit.t.signUp();
    expect(await kit.planOf(user)).toEqual({ tier: 'FREE', runs: 500 });
    const session = await kit.checkout(user, 'PRO');
    expect(session.id).toMatch(/^cs_test_/);
    const stored = await kit.stripe.checkout.sessions.retrieve(session.id);
    const publicUrl = kit.t.app.config.server.publicUrl;
    expect(stored).toMatchObject({
      mode: 'subscription',
      success_url: `${publicUrl}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${publicUrl}/pricing`,
      metadata: { organization_id: user.organizationId, plan_tier: 'PRO' },
    });
    const lineItems = await kit.stripe.checkout.sessions.listLineItems(session.id);
    expect(lineItems.data[0]?.price?.id).toBe(kit.emulator.priceIds.PRO);
    const customer = await kit.stripe.customers.retrieve(String(stored.customer));
    expect(customer).toMatchObject({ email: user.email, metadata: { organization_id: user.organizationId } });
  });

  it('is PRO with 5,000 runs after checkout.session.completed, and subscription shows it', async () => {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });
    const result = await kit.t.graphql(
      graphql(`
        query CheckoutSubscription {
          subscription {
            stripeSubscriptionId
            status
            planTier
            cancelAtPeriodEnd
            currentPeriodEnd
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    const [row] = await subscriptionRows(user.organizationId);
    expect(result.data?.subscription).toEqual({
      stripeSubscriptionId: row?.stripe_subscription_id,
      status: 'active',
      planTier: 'PRO',
      cancelAtPeriodEnd: false,
      currentPeriodEnd: new Date(row?.current_period_end ?? 0).toISOString(),
    });
  });

  it('converges to one identical row for all 24 orders of the four checkout events, and for every event delivered twice', async () => {
    const finalStates = new Set<string>();
    let last: SignedUpUser | null = null;
    let lastEvents = new Map<string, string>();
    for (const order of permutations(CHECKOUT_EVENT_TYPES)) {
      const user = await kit.t.signUp();
      const events = await paidCheckoutWithHeldEvents(user);
      await kit.emulator.releaseDeliveries(order.map((type) => events.get(type) ?? ''));
      await kit.settled();
      const rows = await subscriptionRows(user.organizationId);
      expect(rows, `order ${order.join(' → ')}`).toHaveLength(1);
      const stripeState = await kit.stripe.subscriptions.retrieve(rows[0]?.stripe_subscription_id ?? '');
      expect(new Date(rows[0]?.current_period_end ?? 0).getTime()).toBe(
        (stripeState.items.data[0]?.current_period_end ?? 0) * 1000,
      );
      finalStates.add(JSON.stringify({ ...rows[0], stripe_subscription_id: undefined, current_period_end: undefined }));
      expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });
      last = user;
      lastEvents = events;
    }
    expect([...finalStates]).toEqual([
      JSON.stringify({ plan_tier: 'PRO', status: 'active', cancel_at_period_end: false }),
    ]);

    if (!last) throw new Error('no permutation ran');
    const before = await subscriptionRows(last.organizationId);
    for (const eventId of lastEvents.values()) await kit.emulator.deliverTwice(eventId);
    await kit.settled();
    expect(await subscriptionRows(last.organizationId)).toEqual(before);
    const duplicates = kit.emulator.deliveries().filter((entry) => lastEvents.get(entry.eventType) === entry.eventId);
    // Each held event arrived three times (released, then twice more), and every arrival was answered 200.
    expect([...lastEvents.keys()]).toEqual(expect.arrayContaining(CHECKOUT_EVENT_TYPES));
    expect(duplicates).toHaveLength(3 * lastEvents.size);
    expect(duplicates.every((entry) => entry.status === 200)).toBe(true);
  });

  it('converges when the checkout events arrive all at once, each twice (Stripe delivers concurrently)', async () => {
    const user = await kit.t.signUp();
    const events = await paidCheckoutWithHeldEvents(user);
    const payloads = await Promise.all(
      [...events.values()].map(async (id) => JSON.stringify(await kit.stripe.events.retrieve(id))),
    );
    expect([...events.keys()]).toEqual(expect.arrayContaining(CHECKOUT_EVENT_TYPES));
    const responses = await Promise.all(
      [...payloads, ...payloads].map((payload) => postSignedWebhook(kit.t.url, payload)),
    );
    expect(responses.map((response) => response.status).every((status) => status === 200)).toBe(true);
    for (const id of events.values()) await kit.applied(id);
    const rows = await subscriptionRows(user.organizationId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ plan_tier: 'PRO', status: 'active', cancel_at_period_end: false });
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });
    // The emulator's own deliveries of the same events are now replays: no-ops.
    await kit.emulator.releaseDeliveries();
    await kit.settled();
    expect(await subscriptionRows(user.organizationId)).toEqual(rows);
  });

  it('sends a subscriber to changePlan instead of a second subscription', async () => {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    const again = await kit.t.graphql(CHECKOUT, { tier: 'SCALE' }, { cookie: user.cookie });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_SUBSCRIBED',
      planTier: 'PRO',
    });

    const changed = await kit.t.graphql(
      graphql(`
        mutation CheckoutChangePlan {
          changePlan(planTier: SCALE) {
            planTier
            status
            cancelAtPeriodEnd
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(changed.data?.changePlan).toEqual({ planTier: 'SCALE', status: 'active', cancelAtPeriodEnd: false });
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });
    expect(await subscriptionRows(user.organizationId)).toHaveLength(1);

    const toFree = await kit.t.graphql(
      graphql(`
        mutation CheckoutChangePlan2 {
          changePlan(planTier: FREE) {
            planTier
            cancelAtPeriodEnd
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(toFree.data?.changePlan).toEqual({ planTier: 'SCALE', cancelAtPeriodEnd: true });
  });

  it('refuses FREE at checkout as bad input', async () => {
    const user = await kit.t.signUp();
    const result = await kit.t.graphql(CHECKOUT, { tier: 'FREE' }, { cookie: user.cookie });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'planTier' });
  });
});

describe('the organization customer', () => {
  it('is created once under 8 concurrent createCheckoutSession calls', async () => {
    const user = await kit.t.signUp();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => kit.t.graphql(CHECKOUT, { tier: 'PRO' }, { cookie: user.cookie })),
    );
    expect(results.every((result) => result.data?.createCheckoutSession?.id)).toBe(true);
    const customers = await kit.stripe.customers.list({ email: user.email, limit: 100 });
    expect(customers.data).toHaveLength(1);
    const rows = await kit.t.sql('select stripe_customer_id from billing_customer where organization_id = ?', [
      user.organizationId,
    ]);
    expect(rows).toEqual([{ stripe_customer_id: customers.data[0]?.id }]);
  });
});

describe('who may open checkout or the portal', () => {
  it('refuses anonymous callers, API keys and members; another organization only ever reaches its own customer', async () => {
    const owner = await kit.t.signUp();
    await kit.subscribe(owner, 'PRO');
    const [ownerCustomer] = await kit.t.sql<{ stripe_customer_id: string }>(
      'select stripe_customer_id from billing_customer where organization_id = ?',
      [owner.organizationId],
    );

    // Either way in: checkout for PRO, or the portal.
    const openers = [
      (credentials?: Credentials) => kit.t.graphql(CHECKOUT, { tier: 'PRO' }, credentials),
      (credentials?: Credentials) => kit.t.graphql(PORTAL, {}, credentials),
    ];
    for (const open of openers) {
      const anonymous = await open();
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const apiKey = await kit.t.createApiKey(owner);
      const viaKey = await open({ apiKey });
      expect(viaKey.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }

    const member = await kit.t.signUp();
    await kit.t.sql(`update membership set role = 'MEMBER' where user_id = (select id from app_user where email = ?)`, [
      member.email,
    ]);
    for (const open of openers) {
      const result = await open({ cookie: member.cookie });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(
      await kit.t.sql('select 1 from billing_customer where organization_id = ?', [member.organizationId]),
    ).toHaveLength(0);

    const other = await kit.t.signUp();
    const noCustomer = await kit.t.graphql(PORTAL, {}, { cookie: other.cookie });
    expect(noCustomer.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NO_BILLING_CUSTOMER' });
    await kit.t.graphql(CHECKOUT, { tier: 'PRO' }, { cookie: other.cookie });
    const [otherCustomer] = await kit.t.sql<{ stripe_customer_id: string }>(
      'select stripe_customer_id from billing_customer where organization_id = ?',
      [other.organizationId],
    );
    expect(otherCustomer?.stripe_customer_id).not.toBe(ownerCustomer?.stripe_customer_id);
    const portal = await kit.t.graphql(PORTAL, {}, { cookie: owner.cookie });
    expect(portal.data?.createPortalSession.url).toMatch(new RegExp(`^${kit.emulator.baseUrl}/portal/bps_`));
  });
});
