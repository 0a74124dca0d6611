// The money path as a customer walks it: pricing → Stripe Checkout (the emulator's hosted page)
// → back to /billing/success while the webhook lands → Pro everywhere → plan change → portal.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CARD_OK, startBillingKit, type BillingKit } from '@aa/api/testing';
import {
  importSamplePaths,
  launchBrowser,
  openSession,
  screenshot,
  signUpInBrowser,
  type BrowserSession,
} from './browser.js';

let kit: BillingKit;
let browser: Browser;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  [kit, browser] = await Promise.all([startBillingKit({ WEB_DIST_DIR: inject('webDistDir') }), launchBrowser()]);
  session = await openSession(browser, kit.t.url, kit.t.app.config.server.publicUrl);
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  await browser?.close();
  await kit?.stop();
});

describe('subscribing through the SPA', () => {
  it('upgrades FREE → PRO through Checkout and shows the plan once the webhook lands', async () => {
    await signUpInBrowser(page, 'Globex Growth', `billing-${Date.now()}@example.com`, '/signup?next=%2Fpricing');
    await page.waitForURL((url) => url.pathname === '/pricing');

    await page.getByRole('button', { name: 'Upgrade to Pro' }).click();
    await page.waitForURL((url) => url.origin === kit.emulator.baseUrl && url.pathname.startsWith('/checkout/'));
    await page.locator('#card_number').fill(CARD_OK);
    await page.locator('#card_expiry').fill('12 / 34');
    await page.locator('#card_cvc').fill('123');
    await page.locator('#submit').click();

    await page.waitForURL((url) => url.pathname === '/billing/success' && url.searchParams.has('session_id'));
    await page.getByText('Welcome to Pro').waitFor({ timeout: 20_000 });
    await screenshot(page, 'billing-success-active');

    await page.getByRole('link', { name: 'Go to dashboard' }).click();
    await expect(page.getByTestId('plan-name').textContent()).resolves.toBe('Pro');
    await page.getByTestId('usage-label').getByText('0 / 5,000').waitFor();
    await screenshot(page, 'dashboard-pro');
  }, 90_000);

  it('shows the subscription in settings and opens the billing portal', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    const billing = page.getByRole('region', { name: 'Billing', exact: true });
    const status = billing.getByTestId('billing-status');
    await status.getByRole('heading', { name: 'Pro', exact: true }).waitFor();
    await expect(status.textContent()).resolves.toContain('active');
    await expect(billing.textContent()).resolves.not.toContain('PRO');
    await screenshot(page, 'settings-subscribed');

    await billing.getByRole('button', { name: 'Manage billing' }).click();
    await page.waitForURL((url) => url.origin === kit.emulator.baseUrl && url.pathname.startsWith('/portal/'));
    await page.goBack();
  });

  it('changes the subscription to Scale from the pricing page, without a second checkout', async () => {
    await page.goto('/pricing');
    await page.getByRole('region', { name: 'Pro plan' }).getByText('Current plan', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Upgrade to Scale' }).click();
    await page.getByTestId('confirm-plan-change').click();
    await page.getByText('Your subscription is now on Scale.').waitFor();
    await kit.settled();
    await page.reload();
    await page.getByRole('region', { name: 'Scale plan' }).getByText('Current plan', { exact: true }).waitFor();
    await screenshot(page, 'pricing-scale');
  });

  it('on Scale, runs every model and exports the saved report as CSV', async () => {
    await importSamplePaths(page);

    // Every model is unlocked; time decay needs timestamps, which path rows lack, so the form leaves it out.
    const runCard = page.getByRole('region', { name: 'Run attribution' });
    await expect(runCard.getByRole('checkbox', { disabled: true }).count()).resolves.toBe(0);
    await runCard.getByText(/Time decay is left out/).waitFor();
    await expect(runCard.getByRole('checkbox', { name: 'Time decay' }).isChecked()).resolves.toBe(false);
    await runCard.getByRole('button', { name: 'Run attribution' }).click();
    await page
      .getByRole('region', { name: 'Report results' })
      .getByRole('columnheader', { name: /Shapley value/ })
      .waitFor();
    await screenshot(page, 'attribution-scale-report');

    const download = page.waitForEvent('download');
    await page.getByRole('region', { name: 'Saved reports' }).getByRole('link', { name: 'CSV' }).first().click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^attribution-report-.+\.csv$/);
    const body = await (await file.createReadStream()).toArray();
    expect(Buffer.concat(body).toString('utf8')).toMatch(/SHAPLEY/);
  });

  it('downgrades to Pro at the period end ("Scale until …, then Pro") and undoes it', async () => {
    await page.goto('/pricing');
    await page.getByRole('button', { name: 'Downgrade to Pro' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText(/^Scale until \d{1,2} [A-Z][a-z]{2}, then Pro\.$/).waitFor();
    await kit.settled();

    await page.getByRole('link', { name: 'Settings' }).click();
    const status = page.getByRole('region', { name: 'Billing', exact: true }).getByTestId('billing-status');
    await status.getByRole('heading', { name: /^Scale until \d{1,2} [A-Z][a-z]{2}, then Pro$/ }).waitFor();
    await screenshot(page, 'settings-scheduled-downgrade');
    await status.getByRole('button', { name: 'Undo' }).click();
    await status.getByRole('heading', { name: 'Scale', exact: true }).waitFor();
    await expect(status.getByRole('button', { name: 'Undo' }).count()).resolves.toBe(0);
  });

  it('cancels at the period end ("Ends on …") and resumes', async () => {
    await kit.settled();
    await page.goto('/pricing');
    await page.getByRole('button', { name: 'Downgrade to Free' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText(/^Your subscription ends on .+; you keep Scale until then\.$/).waitFor();
    await kit.settled();

    await page.getByRole('link', { name: 'Settings' }).click();
    const status = page.getByRole('region', { name: 'Billing', exact: true }).getByTestId('billing-status');
    await status.getByRole('heading', { name: /^Ends on \d{1,2} [A-Z][a-z]{2}$/ }).waitFor();
    await screenshot(page, 'settings-cancelling');
    await status.getByRole('button', { name: 'Resume' }).click();
    await status.getByRole('heading', { name: 'Scale', exact: true }).waitFor();
    await expect(status.textContent()).resolves.toContain('renews automatically');
  });

  it('lists the webhook events that did it on the billing activity page', async () => {
    await page.getByRole('link', { name: 'Developer' }).click();
    await page.getByText('checkout.session.completed').first().waitFor();
    await screenshot(page, 'admin-events');
  });
});
