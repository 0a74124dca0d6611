// A PRO organization whose renewal fails and stays unpaid past the grace period: it sees "Payment
// needed" (not "Free plan, nothing to pay"), is offered no second Checkout, follows the dunning mail's
// link days later (a portal session made when the mail was sent would long have expired), signs in,
// opens the portal, changes its card, pays the open invoice and is back on Pro. Also: an upgrade
// waiting for its payment, and an ended subscription started again.
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

const GRACE_DAYS = 7;
const DAY_MS = 86_400_000;
const DAY_S = 86_400;

let kit: BillingKit;
let browser: Browser;
let session: BrowserSession;
let page: Page;
let user: SignedUpUser;
let openInvoiceUrl: string;
let mailLink: string;
let appClockStart: Date;

beforeAll(async () => {
  [kit, browser] = await Promise.all([
    startBillingKit({ WEB_DIST_DIR: inject('webDistDir'), PAST_DUE_GRACE_DAYS: String(GRACE_DAYS) }),
    launchBrowser(),
  ]);
  session = await openSession(browser, kit.t.url, kit.t.app.config.server.publicUrl);
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  await browser?.close();
  await kit?.stop();
});

/** The emulator's control of how long a portal session link stays valid (Stripe: 5 minutes). */
async function setPortalLinkLifetime(seconds: number): Promise<void> {
  const response = await fetch(`${kit.emulator.baseUrl}/_emulator/portal/expiry`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ seconds: String(seconds) }),
  });
  expect(response.status).toBe(200);
}

describe('a lapsed organization pays from the dunning mail', () => {
  afterAll(() => kit.t.clock.set(appClockStart));

  it('gets a dunning mail that links to the app, not to a portal session', async () => {
    user = await kit.t.signUp({ organizationName: 'Lapsed Labs' });
    const { clockId, frozenTime } = await kit.onTestClock(user);
    await kit.subscribe(user, 'PRO');
    await kit.useFailingCard(user);

    // Any portal link made while the failure is handled is dead at once, as it would be days later.
    await setPortalLinkLifetime(0);
    const requestsBefore = kit.apiRequests().length;
    await kit.stripe.testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime + 32 * DAY_S });
    await kit.settled();
    await setPortalLinkLifetime(300);
    expect(
      kit
        .apiRequests()
        .slice(requestsBefore)
        .filter((line) => line.includes('/v1/billing_portal/sessions')),
    ).toEqual([]);

    const subscription = await kit.stripe.subscriptions.retrieve(await kit.subscriptionIdOf(user), {
      expand: ['latest_invoice'],
    });
    const invoice = subscription.latest_invoice;
    if (!invoice || typeof invoice === 'string' || !invoice.hosted_invoice_url) throw new Error('no open invoice');
    expect({ status: subscription.status, invoice: invoice.status }).toEqual({ status: 'past_due', invoice: 'open' });
    openInvoiceUrl = invoice.hosted_invoice_url;

    const outbox = await kit.t.graphql<{ outbox: { subject: string; body: string }[] }>(
      '{ outbox(limit: 10) { subject body } }',
      {},
      { cookie: user.cookie },
    );
    const mail = outbox.data?.outbox.find((message) => message.subject.startsWith('Payment of $49.00 failed'));
    if (!mail) throw new Error(`no dunning mail: ${JSON.stringify(outbox.data ?? outbox.errors)}`);
    const link = mail.body.match(/https?:\/\/\S+\/settings\?billing=portal/)?.[0];
    if (!link) throw new Error(`the mail has no billing link: ${mail.body}`);
    expect(link).toBe(`${kit.t.app.config.server.publicUrl}/settings?billing=portal`);
    expect(mail.body).toContain(openInvoiceUrl);
    expect(mail.body).not.toContain(`${kit.emulator.baseUrl}/portal/`);
    mailLink = link;
  }, 90_000);

  it('past the grace period, follows the link, signs in and sees "Payment needed" with its real status', async () => {
    appClockStart = kit.t.clock.now();
    kit.t.clock.set(new Date(appClockStart.getTime() + (GRACE_DAYS + 1) * DAY_MS));
    expect(await kit.planOf(user)).toEqual({ tier: 'FREE', runs: 500 });

    await page.goto(mailLink);
    await page.waitForURL(
      (url) => url.pathname === '/signin' && url.searchParams.get('next') === '/settings?billing=portal',
    );
    await signInInBrowser(page, user.email, user.password);
    await page.waitForURL((url) => url.pathname === '/settings' && url.searchParams.get('billing') === 'portal');

    const billing = page.getByRole('region', { name: 'Billing', exact: true });
    const status = billing.getByTestId('billing-status');
    await status.getByRole('heading', { name: 'Payment needed', exact: true }).waitFor();
    await expect(status.textContent()).resolves.toContain('past due');
    await expect(status.getByRole('link', { name: 'Pay invoice' }).getAttribute('href')).resolves.toBe(openInvoiceUrl);
    await billing.getByRole('button', { name: 'Manage billing' }).waitFor();
    await billing.getByRole('button', { name: 'Open billing portal' }).waitFor();
    await expect(billing.getByRole('button', { name: /Resubscribe/ }).count()).resolves.toBe(0);
    await screenshot(page, 'lapsed-settings-from-mail');
  }, 60_000);

  it('is offered no Checkout on the pricing page, and sees "Payment needed" on the dashboard', async () => {
    await page.getByRole('link', { name: 'Plans & pricing' }).click();
    const pro = page.getByRole('region', { name: 'Pro plan' });
    await pro.getByRole('link', { name: 'Payment needed: see Billing' }).waitFor();
    await expect(page.getByRole('button', { name: /Upgrade to/ }).count()).resolves.toBe(0);
    await screenshot(page, 'lapsed-pricing');

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByTestId('plan-name').textContent()).resolves.toBe('Free');
    await page.getByRole('link', { name: 'Payment needed' }).waitFor();
    await page.getByTestId('usage-label').waitFor();
    await screenshot(page, 'lapsed-dashboard');
  });

  it('opens a fresh portal from the mail link, changes the card, pays the invoice and is back on Pro', async () => {
    await page.goto(mailLink);
    await page.getByRole('button', { name: 'Open billing portal' }).click();
    await page.waitForURL((url) => url.origin === kit.emulator.baseUrl && url.pathname.startsWith('/portal/'));
    await page.getByRole('heading', { name: 'Billing', exact: true }).waitFor();
    await expect(page.getByText('This session has expired').count()).resolves.toBe(0);
    const portalUrl = page.url();

    // Back from the portal is /settings: the mail's ?billing=portal does not ask again.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/settings' && !url.searchParams.has('billing'));
    await page.getByRole('region', { name: 'Billing', exact: true }).getByTestId('billing-status').waitFor();
    await expect(page.getByRole('button', { name: 'Open billing portal' }).count()).resolves.toBe(0);
    await page.goForward();
    await page.waitForURL(portalUrl);

    await page.locator('#card_number').fill('4242424242424242');
    await page.locator('button[data-action=update_card]').click();
    await page.getByText('Your card ending in 4242 is now your payment method.').waitFor();
    await screenshot(page, 'lapsed-portal');

    // The open invoice, from the portal's invoice history, paid on Stripe's hosted invoice page.
    await page.getByRole('row').filter({ hasText: 'open' }).getByRole('link').click();
    await page.waitForURL(openInvoiceUrl);
    await page.locator('#card_number').fill('4242424242424242');
    await page.locator('#card_expiry').fill('12 / 34');
    await page.locator('#card_cvc').fill('123');
    await page.locator('#submit').click();
    await expect(page.getByTestId('invoice-status').textContent()).resolves.toBe('paid');
    await kit.settled();

    // Back in the portal (its visitor stays signed in), then the way back to the app.
    await page.goto(portalUrl);
    await page.getByTestId('return-link').click();
    await page.waitForURL((url) => url.pathname === '/settings');
    const status = page.getByRole('region', { name: 'Billing', exact: true }).getByTestId('billing-status');
    await status.getByRole('heading', { name: 'Pro', exact: true }).waitFor();
    await expect(status.textContent()).resolves.toContain('active');
    await screenshot(page, 'lapsed-paid-settings');
    expect(await kit.planOf(user)).toEqual({ tier: 'PRO', runs: 5000 });

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByTestId('plan-name').textContent()).resolves.toBe('Pro');
  }, 90_000);
});

describe('an upgrade whose charge fails', () => {
  it('shows "Payment needed to switch to Scale" with the invoice, keeps Pro until it is paid, then grants Scale', async () => {
    const subscriber = await kit.t.signUp({ organizationName: 'Upgrade Pending Co' });
    await kit.subscribe(subscriber, 'PRO');
    await kit.useFailingCard(subscriber);
    const upgrade = await openSession(browser, kit.t.url, kit.t.app.config.server.publicUrl);
    try {
      const tab = upgrade.page;
      await tab.goto('/signin?next=%2Fpricing');
      await signInInBrowser(tab, subscriber.email, subscriber.password);
      await tab.getByRole('button', { name: 'Upgrade to Scale' }).click();
      await tab.getByTestId('confirm-plan-change').click();
      const notice = tab.getByText('Payment needed to switch to Scale.');
      await notice.waitFor();
      await screenshot(tab, 'upgrade-payment-needed-pricing');
      expect(await kit.planOf(subscriber)).toEqual({ tier: 'PRO', runs: 5000 });

      await kit.settled();
      await tab.getByRole('link', { name: 'Settings' }).click();
      const status = tab.getByRole('region', { name: 'Billing', exact: true }).getByTestId('billing-status');
      await status.getByRole('heading', { name: 'Payment needed to switch to Scale', exact: true }).waitFor();
      await expect(status.textContent()).resolves.toContain('You stay on Pro');
      await screenshot(tab, 'upgrade-payment-needed-settings');

      await status.getByRole('link', { name: 'Pay invoice' }).click();
      await tab.waitForURL((url) => url.origin === kit.emulator.baseUrl && url.pathname.startsWith('/invoice/'));
      await tab.locator('#card_number').fill('4242424242424242');
      await tab.locator('#card_expiry').fill('12 / 34');
      await tab.locator('#card_cvc').fill('123');
      await tab.locator('#submit').click();
      await expect(tab.getByTestId('invoice-status').textContent()).resolves.toBe('paid');
      await kit.settled();

      await tab.goto('/settings');
      await status.getByRole('heading', { name: 'Scale', exact: true }).waitFor();
      expect(await kit.planOf(subscriber)).toEqual({ tier: 'SCALE', runs: 25000 });
    } finally {
      await upgrade.close();
    }
  }, 90_000);
});

describe('an ended subscription', () => {
  it('shows it ended with its real status and offers Resubscribe, which starts Checkout for the same plan', async () => {
    const former = await kit.t.signUp({ organizationName: 'Came Back LLC' });
    await kit.subscribe(former, 'PRO');
    await kit.stripe.subscriptions.cancel(await kit.subscriptionIdOf(former));
    await kit.settled();
    const comeback = await openSession(browser, kit.t.url, kit.t.app.config.server.publicUrl);
    try {
      const tab = comeback.page;
      await tab.goto('/signin?next=%2Fsettings');
      await signInInBrowser(tab, former.email, former.password);
      const billing = tab.getByRole('region', { name: 'Billing', exact: true });
      const status = billing.getByTestId('billing-status');
      await status.getByRole('heading', { name: 'Your Pro subscription has ended', exact: true }).waitFor();
      await expect(status.textContent()).resolves.toContain('canceled');
      await billing.getByRole('button', { name: 'Manage billing' }).waitFor();
      await screenshot(tab, 'ended-settings');

      await status.getByRole('button', { name: 'Resubscribe to Pro' }).click();
      await tab.waitForURL((url) => url.origin === kit.emulator.baseUrl && url.pathname.startsWith('/checkout/'));
      await payOnCheckoutPage(tab);
      await tab.getByText('Welcome to Pro').waitFor({ timeout: 20_000 });
      expect(await kit.planOf(former)).toEqual({ tier: 'PRO', runs: 5000 });
    } finally {
      await comeback.close();
    }
  }, 90_000);
});
