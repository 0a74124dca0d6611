import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config/env.js';
import type { SignedUpUser } from '../../../test/harness.js';
import { startBillingKit, type BillingKit } from '../test/billing-test-kit.js';
import { graphql } from '../../../test/gql/index.js';

const OPERATOR_EMAIL = `ops-${randomUUID()}@example.com`;
const OVERVIEW = graphql(`
  query BillingOverviewBillingOverview {
    billingOverview {
      monthlyRecurringRevenueCents
      activeSubscribers
      subscribers {
        planTier
        count
      }
      churnedLast30Days
    }
  }
`);
const DAY_MS = 86_400_000;

interface Overview {
  monthlyRecurringRevenueCents: number;
  activeSubscribers: number;
  subscribers: Array<{ planTier: string; count: number }>;
  churnedLast30Days: number;
}

let kit: BillingKit;
let operator: SignedUpUser;
beforeAll(async () => {
  // Listed in another case and beside another address: the match ignores case and spaces. Sessions
  // outlive the month the churn test moves the clock on.
  kit = await startBillingKit({
    OPERATOR_EMAILS: ` someone-else@example.com , ${OPERATOR_EMAIL.toUpperCase()}`,
    SESSION_TTL_DAYS: '60',
  });
  operator = await kit.t.signUp({ email: OPERATOR_EMAIL });
});
afterAll(() => kit.stop());

async function overview(): Promise<Overview> {
  const result = await kit.t.graphql(OVERVIEW, {}, { cookie: operator.cookie });
  if (!result.data) throw new Error(`billingOverview failed: ${JSON.stringify(result.errors)}`);
  return result.data.billingOverview;
}

/** What changed between two overviews (the database holds other test files' organizations too). */
function delta(before: Overview, after: Overview) {
  const count = (view: Overview, tier: string) => view.subscribers.find((entry) => entry.planTier === tier)?.count ?? 0;
  return {
    mrr: after.monthlyRecurringRevenueCents - before.monthlyRecurringRevenueCents,
    active: after.activeSubscribers - before.activeSubscribers,
    pro: count(after, 'PRO') - count(before, 'PRO'),
    scale: count(after, 'SCALE') - count(before, 'SCALE'),
    churned: after.churnedLast30Days - before.churnedLast30Days,
  };
}

async function subscriptionOf(user: SignedUpUser): Promise<string> {
  const [row] = await kit.t.sql<{ stripe_subscription_id: string }>(
    `select stripe_subscription_id from billing_subscription where organization_id = ? and status not in ('canceled', 'incomplete_expired')`,
    [user.organizationId],
  );
  if (!row) throw new Error('no live subscription');
  return row.stripe_subscription_id;
}

describe('isOperator', () => {
  it('is true for a signed-in user named in OPERATOR_EMAILS only, never for an API key', async () => {
    const me = graphql(`
      query BillingOverviewMe {
        me {
          isOperator
        }
      }
    `);
    expect((await kit.t.graphql(me, {}, { cookie: operator.cookie })).data?.me).toEqual({ isOperator: true });
    const admin = await kit.t.signUp();
    expect((await kit.t.graphql(me, {}, { cookie: admin.cookie })).data?.me).toEqual({ isOperator: false });
    const apiKey = await kit.t.createApiKey(operator);
    expect((await kit.t.graphql(me, {}, { apiKey })).data?.me).toEqual({ isOperator: false });
  });
});

describe('billingOverview', () => {
  it('is refused to an organization admin who is no operator, to API keys and to anonymous callers', async () => {
    const admin = await kit.t.signUp();
    const refused = await kit.t.graphql(OVERVIEW, {}, { cookie: admin.cookie });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OPERATOR_ONLY' });
    expect(refused.data).toBeNull();
    const viaKey = await kit.t.graphql(OVERVIEW, {}, { apiKey: await kit.t.createApiKey(operator) });
    expect(viaKey.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await kit.t.graphql(OVERVIEW)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('counts revenue and subscribers per plan, churn of the last 30 days, and not a duplicate billing cancelled', async () => {
    const before = await overview();
    expect(before.subscribers.map((entry) => entry.planTier)).toEqual(['PRO', 'SCALE']);

    const pro = await kit.t.signUp();
    await kit.subscribe(pro, 'PRO');
    const scale = await kit.t.signUp();
    await kit.subscribe(scale, 'SCALE');
    expect(delta(before, await overview())).toEqual({ mrr: 4900 + 19900, active: 2, pro: 1, scale: 1, churned: 0 });

    // A second subscription beside PRO: billing keeps one and cancels the other, which is no churn.
    const [customer] = await kit.t.sql<{ stripe_customer_id: string }>(
      'select stripe_customer_id from billing_customer where organization_id = ?',
      [pro.organizationId],
    );
    const first = await kit.stripe.subscriptions.retrieve(await subscriptionOf(pro));
    await kit.stripe.subscriptions.create({
      customer: customer?.stripe_customer_id ?? '',
      items: [{ price: kit.emulator.priceIds.PRO }],
      default_payment_method: typeof first.default_payment_method === 'string' ? first.default_payment_method : '',
    });
    await kit.settled();
    expect(delta(before, await overview())).toEqual({ mrr: 4900 + 19900, active: 2, pro: 1, scale: 1, churned: 0 });

    // SCALE leaves: a churned subscriber, no longer revenue.
    await kit.stripe.subscriptions.cancel(await subscriptionOf(scale));
    await kit.settled();
    expect(delta(before, await overview())).toEqual({ mrr: 4900, active: 1, pro: 1, scale: 0, churned: 1 });

    // A month later that cancellation is out of the 30-day window.
    const current = await overview();
    const now = kit.t.clock.now();
    kit.t.clock.set(new Date(now.getTime() + 31 * DAY_MS));
    try {
      expect((await overview()).churnedLast30Days).toBeLessThan(current.churnedLast30Days);
    } finally {
      kit.t.clock.set(now);
    }
  });
});

describe('OPERATOR_EMAILS', () => {
  it('is refused at start when an entry is not an email address, naming the variable', () => {
    expect(() => loadConfig({ OPERATOR_EMAILS: 'ops@example.com, not-an-address' })).toThrow(ConfigError);
    expect(() => loadConfig({ OPERATOR_EMAILS: 'ops@example.com, not-an-address' })).toThrow(
      /OPERATOR_EMAILS: expected comma-separated email addresses/,
    );
    expect(loadConfig({ OPERATOR_EMAILS: 'Ops@Example.com,, b@example.com ' }).auth.operatorEmails).toEqual([
      'ops@example.com',
      'b@example.com',
    ]);
  });
});
