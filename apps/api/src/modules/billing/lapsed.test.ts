import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedUpUser } from '../../test/harness.js';
import { startBillingKit, type BillingKit } from './test/billing-test-kit.js';
import { graphql } from '../../test/gql/index.js';

const DAY_MS = 86_400_000;
const DAY_S = 86_400;
const GRACE_DAYS = 7;

let kit: BillingKit;
beforeAll(async () => {
  kit = await startBillingKit({ PAST_DUE_GRACE_DAYS: String(GRACE_DAYS) });
});
afterAll(() => kit.stop());

const ACCOUNT = graphql(`
  query LapsedBillingAccount {
    billingAccount {
      hasCustomer
      canCheckout
      subscription {
        stripeSubscriptionId
        status
        planTier
        access
        grantsPlan
        cancelAtPeriodEnd
        cancelAt
        currentPeriodEnd
        graceEndsAt
        openInvoiceUrl
        actions
      }
    }
  }
`);
const CHECKOUT = graphql(`
  mutation LapsedCreateCheckoutSession($tier: PlanTier!) {
    createCheckoutSession(planTier: $tier) {
      id
      url
    }
  }
`);
const PORTAL = graphql(`
  mutation LapsedCreatePortalSession {
    createPortalSession {
      url
    }
  }
`);

interface AccountView {
  hasCustomer: boolean;
  canCheckout: boolean;
  subscription: {
    stripeSubscriptionId: string;
    status: string;
    planTier: string;
    access: string;
    grantsPlan: boolean;
    cancelAtPeriodEnd: boolean;
    cancelAt: string | null;
    currentPeriodEnd: string;
    graceEndsAt: string | null;
    openInvoiceUrl: string | null;
    actions: string[];
  } | null;
}

async function accountOf(user: SignedUpUser): Promise<AccountView> {
  const result = await kit.t.graphql(ACCOUNT, {}, { cookie: user.cookie });
  if (!result.data) throw new Error(`billingAccount failed: ${JSON.stringify(result.errors)}`);
  // `subscription` is the same subscription as billingAccount's.
  const subscription = await kit.t.graphql(
    graphql(`
      query LapsedSubscription {
        subscription {
          stripeSubscriptionId
          access
        }
      }
    `),
    {},
    { cookie: user.cookie },
  );
  expect(subscription.data?.subscription ?? null).toEqual(
    result.data.billingAccount.subscription
      ? {
          stripeSubscriptionId: result.data.billingAccount.subscription.stripeSubscriptionId,
          access: result.data.billingAccount.subscription.access,
        }
      : null,
  );
  return result.data.billingAccount;
}

/** A PRO subscriber on a test clock whose renewal fails: the clock is past the period end, the invoice open. */
async function failedRenewal(): Promise<{ user: SignedUpUser; invoiceUrl: string }> {
  const user = await kit.t.signUp();
  const { clockId, frozenTime } = await kit.onTestClock(user);
  await kit.subscribe(user, 'PRO');
  await kit.useFailingCard(user);
  await kit.stripe.testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime + 32 * DAY_S });
  await kit.settled();
  const subscription = await kit.stripe.subscriptions.retrieve(await kit.subscriptionIdOf(user), {
    expand: ['latest_invoice'],
  });
  const invoice = subscription.latest_invoice;
  if (!invoice || typeof invoice === 'string' || !invoice.hosted_invoice_url) throw new Error('no latest invoice');
  expect({ status: subscription.status, invoice: invoice.status }).toEqual({ status: 'past_due', invoice: 'open' });
  return { user, invoiceUrl: invoice.hosted_invoice_url };
}

describe('a failed renewal', () => {
  it('within the grace period: GRACE, the plan still applies, and the open invoice can be paid', async () => {
    const { user, invoiceUrl } = await failedRenewal();
    const account = await accountOf(user);
    expect(account).toMatchObject({ hasCustomer: true, canCheckout: false });
    expect(account.subscription).toMatchObject({
      status: 'past_due',
      planTier: 'PRO',
      access: 'GRACE',
      grantsPlan: true,
      openInvoiceUrl: invoiceUrl,
    });
    expect(account.subscription?.actions).toEqual([
      'PAY_INVOICE',
      'UPDATE_PAYMENT_METHOD',
      'CHANGE_PLAN',
      'CANCEL',
      'MANAGE_BILLING',
    ]);
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });
  });

  it('beyond the grace period: LAPSED and FREE, but the customer can still pay: invoice, card, portal; no second Checkout', async () => {
    const { user, invoiceUrl } = await failedRenewal();
    const start = kit.t.clock.now();
    try {
      kit.t.clock.set(new Date(start.getTime() + (GRACE_DAYS + 1) * DAY_MS));
      const account = await accountOf(user);
      expect(account).toMatchObject({ hasCustomer: true, canCheckout: false });
      expect(account.subscription).toMatchObject({
        status: 'past_due',
        planTier: 'PRO',
        access: 'LAPSED',
        grantsPlan: false,
        openInvoiceUrl: invoiceUrl,
      });
      expect(new Date(account.subscription?.graceEndsAt ?? 0).getTime()).toBeLessThan(kit.t.clock.now().getTime());
      expect(account.subscription?.actions).toEqual(['PAY_INVOICE', 'UPDATE_PAYMENT_METHOD', 'MANAGE_BILLING']);
      expect(await kit.planOf(user)).toEqual({ tier: 'FREE', runs: 500 });

      const portal = await kit.t.graphql(PORTAL, {}, { cookie: user.cookie });
      expect(portal.errors).toBeUndefined();
      expect((await fetch(portal.data?.createPortalSession.url ?? '')).status).toBe(200);

      const checkout = await kit.t.graphql(CHECKOUT, { tier: 'PRO' }, { cookie: user.cookie });
      expect(checkout.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'ALREADY_SUBSCRIBED',
        planTier: 'PRO',
        status: 'past_due',
      });
    } finally {
      kit.t.clock.set(start);
    }
  });
});

describe('an ended subscription', () => {
  it('canceled: ENDED and FREE, shown with its real status; Checkout is allowed and starts a new subscription', async () => {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    const first = await kit.subscriptionIdOf(user);
    await kit.stripe.subscriptions.cancel(first);
    await kit.settled();

    const ended = await accountOf(user);
    expect(ended).toMatchObject({ hasCustomer: true, canCheckout: true });
    expect(ended.subscription).toMatchObject({
      stripeSubscriptionId: first,
      status: 'canceled',
      access: 'ENDED',
      grantsPlan: false,
      cancelAt: null,
    });
    expect(ended.subscription?.actions).toEqual(['RESUBSCRIBE', 'MANAGE_BILLING']);
    expect(await kit.planOf(user)).toEqual({ tier: 'FREE', runs: 500 });

    await kit.subscribe(user, 'SCALE');
    const again = await accountOf(user);
    expect(again).toMatchObject({ canCheckout: false });
    expect(again.subscription).toMatchObject({ status: 'active', planTier: 'SCALE', access: 'PAID' });
    expect(again.subscription?.stripeSubscriptionId).not.toBe(first);
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });
  });

  it('never subscribed: no subscription, Checkout allowed, no portal until a customer exists', async () => {
    const user = await kit.t.signUp();
    expect(await accountOf(user)).toEqual({ hasCustomer: false, canCheckout: true, subscription: null });
  });
});

describe('a scheduled cancellation', () => {
  it('is mirrored (cancelAt at the period end, RESUME offered), and resumeSubscription takes it back in Stripe', async () => {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    const id = await kit.subscriptionIdOf(user);
    await kit.stripe.subscriptions.update(id, { cancel_at_period_end: true });
    await kit.settled();

    const cancelling = (await accountOf(user)).subscription;
    expect(cancelling).toMatchObject({ access: 'PAID', cancelAtPeriodEnd: true });
    expect(cancelling?.cancelAt).toBe(cancelling?.currentPeriodEnd);
    expect(cancelling?.actions).toEqual(['CHANGE_PLAN', 'RESUME', 'MANAGE_BILLING']);
    const [row] = await kit.t.sql<{ cancel_at: string | null }>(
      'select cancel_at from billing_subscription where stripe_subscription_id = ?',
      [id],
    );
    expect(new Date(row?.cancel_at ?? 0).toISOString()).toBe(cancelling?.currentPeriodEnd);

    const resumed = await kit.t.graphql(
      graphql(`
        mutation LapsedResumeSubscription {
          resumeSubscription {
            cancelAtPeriodEnd
            cancelAt
            actions
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(resumed.data?.resumeSubscription).toEqual({
      cancelAtPeriodEnd: false,
      cancelAt: null,
      actions: ['CHANGE_PLAN', 'CANCEL', 'MANAGE_BILLING'],
    });
    const inStripe = await kit.stripe.subscriptions.retrieve(id);
    expect({ cancelAtPeriodEnd: inStripe.cancel_at_period_end, cancelAt: inStripe.cancel_at }).toEqual({
      cancelAtPeriodEnd: false,
      cancelAt: null,
    });
  });

  it('resumeSubscription without a subscription is a typed NO_SUBSCRIPTION error', async () => {
    const user = await kit.t.signUp();
    const result = await kit.t.graphql(
      graphql(`
        mutation LapsedResumeSubscription2 {
          resumeSubscription {
            id
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ reason: 'NO_SUBSCRIPTION' });
  });
});
