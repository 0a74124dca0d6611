// Two tabs of one signed-in admin open Checkout for PRO and SCALE and both try to pay. What is true
// since billing reuses and expires Checkout Sessions: opening the second tab's Checkout expires the
// first tab's, so through the app one payment goes through and Stripe's page refuses the other. A
// second session can still be open when both are made in the same moment (each request sees no
// other); then both payments go through, and billing keeps the newest subscription, cancels and
// refunds the other, and shows the incident on the admin page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBillingKit, type BillingKit, type SignedUpUser } from '@aa/api/testing';
import {
  launchBrowser,
  openSession,
  payOnCheckoutPage,
  screenshot,
  signInInBrowser,
  type BrowserSession,
} from './browser.js';

type Subscription = Awaited<ReturnType<BillingKit['stripe']['subscriptions']['list']>>['data'][number];

const OPERATOR_EMAIL = `operator-${Date.now()}@example.com`;
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

let kit: BillingKit;
let browser: Browser;
const sessions: BrowserSession[] = [];

beforeAll(async () => {
  [kit, browser] = await Promise.all([
    startBillingKit({ WEB_DIST_DIR: inject('webDistDir'), OPERATOR_EMAILS: OPERATOR_EMAIL }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  for (const session of sessions) await session.close();
  await browser?.close();
  await kit?.stop();
});

/** An organization's admin signed in, with two tabs on the pricing page (see `newTab` for why a tab is a context). */
async function twoTabsOnPricing(user: SignedUpUser): Promise<[Page, Page]> {
  const session = await openSession(browser, kit.t.url, kit.t.app.config.server.publicUrl);
  sessions.push(session);
  await session.page.goto('/signin?next=%2Fpricing');
  await signInInBrowser(session.page, user.email, user.password);
  await session.page.waitForURL((url) => url.pathname === '/pricing');
  const second = await session.newTab();
  await second.goto('/pricing');
  for (const tab of [session.page, second]) await tab.getByRole('button', { name: 'Upgrade to Pro' }).waitFor();
  return [session.page, second];
}

async function openCheckoutFrom(tab: Page, plan: 'Pro' | 'Scale'): Promise<void> {
  await tab.getByRole('button', { name: `Upgrade to ${plan}` }).click();
  await tab.waitForURL((url) => url.origin === kit.emulator.baseUrl && url.pathname.startsWith('/checkout/'));
}

async function customerOf(user: SignedUpUser): Promise<string> {
  const [row] = await kit.t.sql<{ stripe_customer_id: string }>(
    'select stripe_customer_id from billing_customer where organization_id = ?',
    [user.organizationId],
  );
  if (!row) throw new Error('the organization has no Stripe customer');
  return row.stripe_customer_id;
}

async function subscriptionsOf(customer: string): Promise<Subscription[]> {
  return (await kit.stripe.subscriptions.list({ customer, status: 'all' })).data;
}

function tierOf(subscription: Subscription): 'PRO' | 'SCALE' {
  return subscription.items.data[0]?.price.id === kit.emulator.priceIds.PRO ? 'PRO' : 'SCALE';
}

/** Every charge the customer paid, in cents, after refunds. */
async function paidCents(customer: string): Promise<number[]> {
  const charges = await kit.stripe.charges.list({ customer, limit: 100 });
  return charges.data.filter((charge) => charge.paid).map((charge) => charge.amount - charge.amount_refunded);
}

describe('two tabs open Checkout for Pro and Scale', () => {
  it('through the app: the second Checkout expires the first, so the first tab cannot pay and the organization pays for one subscription', async () => {
    const user = await kit.t.signUp({ organizationName: 'Two Tabs Inc' });
    const [proTab, scaleTab] = await twoTabsOnPricing(user);
    await openCheckoutFrom(proTab, 'Pro');
    await openCheckoutFrom(scaleTab, 'Scale');

    await payOnCheckoutPage(proTab);
    // Stripe's page for a session that expired while it was open: the customer is told to start again.
    await proTab.getByText('This checkout session has expired').waitFor();
    await screenshot(proTab, 'two-tabs-first-checkout-expired');

    await payOnCheckoutPage(scaleTab);
    await scaleTab.waitForURL((url) => url.pathname === '/billing/success');
    await scaleTab.getByText('Welcome to Scale').waitFor({ timeout: 20_000 });
    await kit.settled();

    const customer = await customerOf(user);
    const subscriptions = await subscriptionsOf(customer);
    expect(subscriptions.map((subscription) => [tierOf(subscription), subscription.status])).toEqual([
      ['SCALE', 'active'],
    ]);
    expect(await paidCents(customer)).toEqual([19900]);

    await proTab.goto('/settings');
    await proTab
      .getByRole('region', { name: 'Billing', exact: true })
      .getByRole('heading', { name: 'Scale', exact: true })
      .waitFor();
    await proTab.goto('/admin');
    await proTab.getByText('No billing incidents').waitFor();
  }, 120_000);

  it('both paid (sessions made in the same moment): one active subscription in Stripe, the other cancelled and refunded, the incident on the admin page', async () => {
    const user = await kit.t.signUp({ organizationName: 'Race Condition Ltd', email: OPERATOR_EMAIL });
    const [proTab, scaleTab] = await twoTabsOnPricing(user);
    await openCheckoutFrom(proTab, 'Pro');
    // The second tab's session as a request racing the first makes it: the app's expiry of other open
    // sessions could not see it (as in the API's duplicate-subscription test).
    const metadata = { organization_id: user.organizationId, plan_tier: 'SCALE' };
    const racing = await kit.stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: await customerOf(user),
      line_items: [{ price: kit.emulator.priceIds.SCALE, quantity: 1 }],
      success_url: `${kit.t.app.config.server.publicUrl}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${kit.t.app.config.server.publicUrl}/pricing`,
      metadata,
      subscription_data: { metadata },
    });
    await scaleTab.goto(racing.url ?? '');

    await payOnCheckoutPage(proTab);
    await proTab.waitForURL((url) => url.pathname === '/billing/success');
    await payOnCheckoutPage(scaleTab);
    await scaleTab.waitForURL((url) => url.pathname === '/billing/success');
    await kit.settled();

    const customer = await customerOf(user);
    const subscriptions = await subscriptionsOf(customer);
    expect(subscriptions).toHaveLength(2);
    const active = subscriptions.filter((subscription) => subscription.status === 'active');
    const cancelled = subscriptions.filter((subscription) => subscription.status === 'canceled');
    expect(active).toHaveLength(1);
    expect(cancelled).toHaveLength(1);
    const [kept] = active;
    const [dropped] = cancelled;
    if (!kept || !dropped) throw new Error('expected one active and one canceled subscription');

    // Paid seconds ago: nearly all of the cancelled subscription's payment comes back to the card.
    const price = { PRO: 4900, SCALE: 19900 }[tierOf(dropped)];
    const charges = (await kit.stripe.charges.list({ customer, limit: 100 })).data;
    const refunded = charges.reduce((sum, charge) => sum + charge.amount_refunded, 0);
    expect(refunded).toBeGreaterThan(price - 10);
    expect(refunded).toBeLessThanOrEqual(price);
    expect((await paidCents(customer)).reduce((sum, cents) => sum + cents, 0)).toBe(4900 + 19900 - refunded);

    const keptName = tierOf(kept) === 'PRO' ? 'Pro' : 'Scale';
    const droppedName = tierOf(dropped) === 'PRO' ? 'Pro' : 'Scale';
    await proTab.goto('/settings');
    await proTab
      .getByRole('region', { name: 'Billing', exact: true })
      .getByRole('heading', { name: keptName, exact: true })
      .waitFor();
    await screenshot(proTab, 'two-tabs-settings-after-race');

    await proTab.getByRole('link', { name: 'Developer' }).click();
    const incidents = proTab.getByRole('region', { name: 'Billing incidents' });
    const row = incidents.getByRole('row').filter({ hasText: 'Duplicate subscription' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(money.format(refunded / 100));
    await expect(row.textContent()).resolves.toContain(droppedName);
    await expect(row.textContent()).resolves.toContain(dropped.id);

    // The operator also sees the platform's figures, as the API computes them.
    const overview = await kit.t.graphql<{
      billingOverview: { monthlyRecurringRevenueCents: number; activeSubscribers: number; churnedLast30Days: number };
    }>(
      '{ billingOverview { monthlyRecurringRevenueCents activeSubscribers churnedLast30Days } }',
      {},
      { cookie: user.cookie },
    );
    const figures = overview.data?.billingOverview;
    if (!figures) throw new Error(`billingOverview failed: ${JSON.stringify(overview.errors)}`);
    expect(figures.activeSubscribers).toBeGreaterThanOrEqual(2);
    const card = proTab.getByRole('region', { name: 'Billing overview' });
    await expect(card.getByTestId('mrr').textContent()).resolves.toBe(
      money.format(figures.monthlyRecurringRevenueCents / 100),
    );
    await expect(card.textContent()).resolves.toContain('Churn, last 30 days');
    await screenshot(proTab, 'admin-incident-and-overview');
  }, 120_000);

  it('shows the billing overview to operators only', async () => {
    const owner = await kit.t.signUp({ organizationName: 'Not An Operator' });
    const session = await openSession(browser, kit.t.url, kit.t.app.config.server.publicUrl);
    sessions.push(session);
    await session.page.goto('/signin?next=%2Fadmin');
    await signInInBrowser(session.page, owner.email, owner.password);
    await session.page.getByRole('region', { name: 'Billing incidents' }).getByText('No billing incidents').waitFor();
    await expect(session.page.getByRole('region', { name: 'Billing overview' }).count()).resolves.toBe(0);
  });
});
