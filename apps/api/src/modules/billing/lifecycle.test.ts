import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../config/repo-paths.js';
import { dataOf, type SignedUpUser } from '../../test/harness.js';
import {
  startAppWithUnreachableStripe,
  startBillingKit,
  WEBHOOK_SECRET,
  type BillingKit,
} from './test/billing-test-kit.js';
import { graphql } from '../../test/gql/index.js';

const run = promisify(execFile);
const DAY_S = 86_400;

let kit: BillingKit;
beforeAll(async () => {
  kit = await startBillingKit();
});
afterAll(() => kit.stop());

const TRACK = graphql(`
  mutation LifecycleTrackJourney($input: JourneyInput!) {
    trackJourney(input: $input) {
      journeyId
    }
  }
`);
const USAGE = graphql(`
  query LifecycleUsage {
    usage {
      attributionRuns {
        used
        limit
        periodStart
        periodEnd
      }
    }
  }
`);

async function usageOf(user: SignedUpUser) {
  return dataOf(await kit.t.graphql(USAGE, {}, { cookie: user.cookie })).usage.attributionRuns;
}

async function track(user: SignedUpUser) {
  const now = kit.t.clock.now().getTime();
  const input = {
    touches: [{ channel: 'email', at: new Date(now - 86_400_000).toISOString() }],
    convertedAt: new Date(now - 3_600_000).toISOString(),
  };
  const result = await kit.t.graphql(TRACK, { input }, { cookie: user.cookie });
  expect(result.errors).toBeUndefined();
}

async function onTestClockSubscriber(tier: 'PRO' | 'SCALE', cardNumber?: string) {
  const user = await kit.t.signUp();
  const clock = await kit.onTestClock(user);
  await kit.subscribe(user, tier, cardNumber);
  return { user, ...clock };
}

async function outbox(user: SignedUpUser) {
  const result = await kit.t.graphql(
    graphql(`
      query LifecycleOutbox {
        outbox {
          to
          subject
          body
          transport
        }
      }
    `),
    {},
    { cookie: user.cookie },
  );
  // The paid checkout invoice's receipt (plan-change-preview.test.ts) is not what these tests are about.
  return (result.data?.outbox ?? []).filter((mail) => !mail.subject.startsWith('Receipt'));
}

describe('reconciliation', () => {
  it('repairs a subscription changed behind our back and reports one repair (pnpm reconcile)', async () => {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    const subscriptionId = await kit.subscriptionIdOf(user);
    const subscription = await kit.stripe.subscriptions.retrieve(subscriptionId);
    // The change happens in Stripe but its webhooks never reach us.
    kit.emulator.holdDeliveries();
    await kit.stripe.subscriptions.update(subscriptionId, {
      items: [{ id: subscription.items.data[0]?.id ?? '', price: kit.emulator.priceIds.SCALE }],
      proration_behavior: 'none',
    });
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });

    const { stdout } = await run('pnpm', ['--silent', 'reconcile'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATABASE_URL: inject('databaseUrl'),
        STRIPE_SECRET_KEY: kit.emulator.secretKey,
        STRIPE_API_BASE: kit.emulator.baseUrl,
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_PRICE_ID_PRO: kit.emulator.priceIds.PRO,
        STRIPE_PRICE_ID_SCALE: kit.emulator.priceIds.SCALE,
        LOG_LEVEL: 'error',
      },
    });
    // Rows earlier test files left in the shared database belong to their emulators: missing in this one.
    expect(stdout).toMatch(/reconciliation: \d+ checked, 1 repaired, 0 failed, \d+ missing in Stripe, 0 skipped/);
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });
    const repairs = await kit.t.sql<{ changes: Record<string, { from: unknown; to: unknown }>; source: string }>(
      'select changes, source from billing_repair where stripe_subscription_id = ?',
      [subscriptionId],
    );
    expect(repairs).toHaveLength(1);
    expect(repairs[0]?.source).toBe('manual');
    expect(repairs[0]?.changes.tier).toEqual({ from: 'PRO', to: 'SCALE' });
    await kit.emulator.releaseDeliveries();
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });
  });
});

describe('renewals', () => {
  it('resets usage to 0 when the test clock renews the subscription', async () => {
    const { user, clockId, frozenTime } = await onTestClockSubscriber('PRO');
    await track(user);
    const first = await usageOf(user);
    expect(first).toMatchObject({ used: 1, limit: 5000 });

    await kit.stripe.testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime + 32 * DAY_S });
    await kit.settled();
    const renewed = await usageOf(user);
    expect(renewed).toMatchObject({ used: 0, limit: 5000, periodStart: first.periodEnd });
    expect(new Date(renewed.periodEnd).getTime()).toBeGreaterThan(new Date(first.periodEnd).getTime());
  });

  it('keeps the paid tier until the period ends after a downgrade (a subscription schedule), then bills and grants the lower one', async () => {
    const { user, clockId, frozenTime } = await onTestClockSubscriber('SCALE');
    const changed = await kit.t.graphql(
      graphql(`
        mutation LifecycleChangePlan {
          changePlan(planTier: PRO) {
            planTier
            cancelAtPeriodEnd
            scheduledChange {
              planTier
            }
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(changed.data?.changePlan).toEqual({
      planTier: 'SCALE',
      cancelAtPeriodEnd: false,
      scheduledChange: { planTier: 'PRO' },
    });
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });
    // Stripe bills SCALE until the period ends; the schedule holds the switch to PRO.
    const inStripe = await kit.stripe.subscriptions.retrieve(await kit.subscriptionIdOf(user));
    expect(inStripe.items.data[0]?.price.id).toBe(kit.emulator.priceIds.SCALE);
    expect(inStripe.schedule).not.toBeNull();

    await kit.stripe.testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime + 32 * DAY_S });
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });
    const after = await kit.t.graphql(
      graphql(`
        query LifecycleSubscription {
          subscription {
            planTier
            scheduledChange {
              planTier
            }
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(after.data?.subscription).toEqual({ planTier: 'PRO', scheduledChange: null });
    const invoices = await kit.stripe.invoices.list({ subscription: inStripe.id, limit: 10 });
    expect(invoices.data[0]?.amount_paid).toBe(4900);
  });

  it('on a failed renewal sends one dunning mail per attempt and keeps PRO for the grace period, then FREE', async () => {
    const { user, clockId, frozenTime } = await onTestClockSubscriber('PRO');
    await kit.useFailingCard(user);
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });

    await kit.stripe.testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime + 32 * DAY_S });
    await kit.settled();
    const failure = kit.emulator
      .deliveries()
      .find((entry) => entry.eventType === 'invoice.payment_failed' && entry.status === 200);
    if (!failure) throw new Error('no invoice.payment_failed was delivered');
    await kit.emulator.deliverTwice(failure.eventId);
    await kit.settled();

    const mails = await outbox(user);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: [user.email], transport: 'outbox' });
    expect(mails[0]?.subject).toContain('$49.00');
    expect(mails[0]?.body).toMatch(/We will try again on \d{4}-\d{2}-\d{2}|no further automatic attempts/);
    expect(mails[0]?.body).toContain('http://app.test/settings?billing=portal');
    const subscription = await kit.t.graphql(
      graphql(`
        query LifecycleSubscription2 {
          subscription {
            status
            planTier
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    expect(subscription.data?.subscription).toEqual({ status: 'past_due', planTier: 'PRO' });
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });

    const start = kit.t.clock.now();
    kit.t.clock.set(new Date(start.getTime() + 6 * DAY_S * 1000));
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });
    kit.t.clock.set(new Date(start.getTime() + 8 * DAY_S * 1000));
    expect(await kit.planOf(user)).toEqual({ tier: 'FREE', runs: 500 });
    kit.t.clock.set(start);
  });

  it('ends in FREE at the period end when the subscription is canceled in the customer portal', async () => {
    const { user, clockId } = await onTestClockSubscriber('PRO');
    const portal = await kit.t.graphql(
      graphql(`
        mutation LifecycleCreatePortalSession {
          createPortalSession {
            url
          }
        }
      `),
      {},
      { cookie: user.cookie },
    );
    const url = portal.data?.createPortalSession.url ?? '';
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const subscriptionId = await kit.subscriptionIdOf(user);
    // The product's portal configuration cancels at the period end.
    const cancel = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'cancel', subscription: subscriptionId }),
      redirect: 'manual',
    });
    expect(cancel.status).toBe(303);
    await kit.settled();
    expect(
      (
        await kit.t.graphql(
          graphql(`
            query LifecycleSubscription3 {
              subscription {
                status
                cancelAtPeriodEnd
              }
            }
          `),
          {},
          { cookie: user.cookie },
        )
      ).data?.subscription,
    ).toEqual({ status: 'active', cancelAtPeriodEnd: true });
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });

    const periodEnd = (await kit.stripe.subscriptions.retrieve(subscriptionId)).items.data[0]?.current_period_end ?? 0;
    await kit.stripe.testHelpers.testClocks.advance(clockId, { frozen_time: periodEnd + 3600 });
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'FREE', runs: 500 });
    // The latest subscription is still shown, with its real status: ended, so Checkout is offered again.
    expect(
      (
        await kit.t.graphql(
          graphql(`
            query LifecycleSubscription4 {
              subscription {
                status
                access
              }
            }
          `),
          {},
          { cookie: user.cookie },
        )
      ).data?.subscription,
    ).toEqual({ status: 'canceled', access: 'ENDED' });
    const [row] = await kit.t.sql('select status from billing_subscription where organization_id = ?', [
      user.organizationId,
    ]);
    expect(row).toEqual({ status: 'canceled' });
  });
});

describe('trials', () => {
  it('gives the paid plan while trialing and mails the owners once when Stripe says the trial ends soon', async () => {
    const user = await kit.t.signUp();
    const { clockId, frozenTime } = await kit.onTestClock(user);
    const [customer] = await kit.t.sql<{ stripe_customer_id: string }>(
      'select stripe_customer_id from billing_customer where organization_id = ?',
      [user.organizationId],
    );
    await kit.stripe.subscriptions.create({
      customer: customer?.stripe_customer_id ?? '',
      items: [{ price: kit.emulator.priceIds.SCALE }],
      trial_period_days: 7,
    });
    await kit.settled();
    expect(await kit.planOf(user)).toEqual({ tier: 'SCALE', runs: 25000 });

    await kit.stripe.testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime + 5 * DAY_S });
    await kit.settled();
    const reminder = kit.emulator
      .deliveries()
      .find((entry) => entry.eventType === 'customer.subscription.trial_will_end' && entry.status === 200);
    if (!reminder) throw new Error('no trial_will_end was delivered');
    await kit.emulator.replayEvent(reminder.eventId);
    await kit.settled();
    const mails = await outbox(user);
    expect(mails.map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/^Your trial ends on \d{4}-\d{2}-\d{2}$/),
    ]);
  });
});

describe('Stripe unreachable', () => {
  it('fails checkout with BILLING_PROVIDER_UNAVAILABLE after bounded retries, leaving nothing half-written', async () => {
    const unreachable = await startAppWithUnreachableStripe(kit);
    try {
      const user = await unreachable.app.signUp();
      const started = Date.now();
      const result = await unreachable.app.graphql(
        graphql(`
          mutation LifecycleCreateCheckoutSession {
            createCheckoutSession(planTier: PRO) {
              id
              url
            }
          }
        `),
        {},
        { cookie: user.cookie },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BILLING_PROVIDER_UNAVAILABLE');
      expect(result.errors?.[0]?.message).not.toMatch(/ECONN|stack|at /);
      // STRIPE_MAX_NETWORK_RETRIES=2: the first attempt and two retries, then it gives up.
      expect(unreachable.connections()).toBe(3);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(
        await unreachable.app.sql('select 1 from billing_customer where organization_id = ?', [user.organizationId]),
      ).toHaveLength(0);
      expect(
        await unreachable.app.sql('select 1 from billing_subscription where organization_id = ?', [
          user.organizationId,
        ]),
      ).toHaveLength(0);
    } finally {
      await unreachable.stop();
    }
  });
});
