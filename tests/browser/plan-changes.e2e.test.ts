// Plan changes as a subscriber makes them: each one confirmed on Stripe's preview first, the upgrade's
// previewed charge being what the invoice Stripe then issues asks for; a scheduled downgrade and a
// cancellation shown as a banner and taken back from it; the invoices in the app.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBillingKit, type BillingKit } from '@aa/api/testing';
import { launchBrowser, openSession, screenshot, signInInBrowser, type BrowserSession } from './browser.js';

let kit: BillingKit;
let browser: Browser;
let session: BrowserSession;
let page: Page;
let subscriptionId: string;

beforeAll(async () => {
  [kit, browser] = await Promise.all([startBillingKit({ WEB_DIST_DIR: inject('webDistDir') }), launchBrowser()]);
  const user = await kit.t.signUp({ organizationName: 'Preview Corp' });
  // A test clock holds Stripe's time still, so the preview and the change prorate the same seconds.
  await kit.onTestClock(user);
  await kit.subscribe(user, 'PRO');
  await kit.settled();
  subscriptionId = await kit.subscriptionIdOf(user);
  session = await openSession(browser, kit.t.url, kit.t.app.config.server.publicUrl);
  page = session.page;
  await page.goto('/signin?next=%2Fpricing');
  await signInInBrowser(page, user.email, user.password);
  await page.waitForURL((url) => url.pathname === '/pricing');
});

afterAll(async () => {
  await session?.close();
  await browser?.close();
  await kit?.stop();
});

function dialog() {
  return page.getByRole('dialog');
}

function banner() {
  return page.getByTestId('plan-change-banner');
}

describe('plan changes with Stripe preview', () => {
  it("previews an upgrade's charge, and the invoice Stripe issues on Confirm asks exactly that", async () => {
    await page.getByRole('button', { name: 'Upgrade to Scale' }).click();
    const amount = dialog().getByTestId('preview-amount');
    await amount.waitFor();
    const previewed = (await amount.textContent()) ?? '';
    expect(previewed).toMatch(/^\$\d+\.\d{2}$/);
    await expect(dialog().textContent()).resolves.toContain('25,000 attribution runs / month');
    await screenshot(page, 'plan-change-preview-upgrade', { phone: true });

    await dialog()
      .getByRole('button', { name: `Pay ${previewed} and upgrade` })
      .click();
    await page.getByText('Your subscription is now on Scale.').waitFor();
    await kit.settled();
    const [invoice] = (await kit.stripe.invoices.list({ subscription: subscriptionId, limit: 1 })).data;
    expect(invoice).toMatchObject({ billing_reason: 'subscription_update', status: 'paid' });
    expect(`$${((invoice?.amount_due ?? 0) / 100).toFixed(2)}`).toBe(previewed);

    await page.getByRole('link', { name: 'Settings' }).click();
    const invoices = page.getByRole('region', { name: 'Invoices' });
    const newest = invoices.getByTestId('invoice-row').first();
    await newest.waitFor();
    await expect(newest.textContent()).resolves.toContain(previewed);
    await expect(newest.getByRole('link', { name: /^PDF of invoice/ }).getAttribute('href')).resolves.toBe(
      invoice?.invoice_pdf,
    );
    await expect(invoices.getByTestId('invoice-row').count()).resolves.toBe(2);
    await screenshot(page, 'settings-invoices', { phone: true });
  });

  it('schedules a downgrade after its preview (nothing charged, from the period end) and undoes it from the dashboard banner', async () => {
    await page.goto('/pricing');
    await page.getByRole('button', { name: 'Downgrade to Pro' }).click();
    await expect(dialog().getByTestId('preview-amount').textContent()).resolves.toBe('$0.00');
    const effective = (await dialog().getByTestId('preview-effective').textContent()) ?? '';
    expect(effective).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await screenshot(page, 'plan-change-preview-downgrade', { phone: true });
    await dialog().getByRole('button', { name: 'Confirm' }).click();
    await page
      .getByRole('region', { name: 'Pro plan' })
      .getByRole('button', { name: `Pro from ${effective}` })
      .waitFor();
    await page.getByRole('button', { name: 'Keep Scale' }).waitFor();

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await banner().waitFor();
    await expect(banner().textContent()).resolves.toMatch(/^Scale until \d{1,2} [A-Z][a-z]{2}, then Pro\./);
    await screenshot(page, 'dashboard-scheduled-downgrade', { phone: true });
    await banner().getByRole('button', { name: 'Undo' }).click();
    await banner().waitFor({ state: 'detached' });
    await kit.settled();
    const inStripe = await kit.stripe.subscriptions.retrieve(subscriptionId);
    expect(inStripe.schedule).toBeNull();
  });

  it('cancels at the period end after its preview, shows no green "active", offers Resume, and resumes', async () => {
    await page.goto('/pricing');
    await page.getByRole('button', { name: 'Downgrade to Free' }).click();
    await expect(dialog().getByTestId('preview-amount').textContent()).resolves.toBe('$0.00');
    await expect(dialog().textContent()).resolves.toMatch(/You keep Scale until .+\. Your organization then moves/);
    await dialog().getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('button', { name: 'Resume Scale' }).waitFor();
    await expect(page.getByRole('button', { name: 'Downgrade to Free' }).count()).resolves.toBe(0);
    await screenshot(page, 'pricing-cancelling', { phone: true });

    await page.getByRole('link', { name: 'Settings' }).click();
    const status = page.getByRole('region', { name: 'Billing', exact: true }).getByTestId('billing-status');
    await status.getByRole('heading', { name: /^Ends on / }).waitFor();
    await expect(status.locator('.badge').textContent()).resolves.toBe('cancelled');

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await banner().waitFor();
    await expect(banner().textContent()).resolves.toMatch(/^Ends on \d{1,2} [A-Z][a-z]{2}\./);
    await page.getByTestId('plan-ending').waitFor();
    await screenshot(page, 'dashboard-cancelling', { phone: true });
    await banner().getByRole('button', { name: 'Resume' }).click();
    await banner().waitFor({ state: 'detached' });
    await kit.settled();
    expect((await kit.stripe.subscriptions.retrieve(subscriptionId)).cancel_at_period_end).toBe(false);
  });
});
