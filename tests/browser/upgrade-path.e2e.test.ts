// The upgrade path as a customer walks it (issue 11, item 4): a plan picked on the pricing page before
// signing up is carried into its checkout; a locked model opens an upsell whose one button starts the
// checkout of the cheapest plan that has it; a used-up quota shows banners across the app and a limit
// dialog that names runs, the reset day and Pro, one click from Pro's checkout. Every screen: axe at both widths.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CARD_OK, startBillingKit, type BillingKit } from '@aa/api/testing';
import {
  launchBrowser,
  openSession,
  payOnCheckoutPage,
  PASSWORD,
  screenshot,
  signUpInBrowser,
  spendAttributionRuns,
  useUpAttributionRuns,
  type BrowserSession,
} from './browser.js';

let kit: BillingKit;
let browser: Browser;

beforeAll(async () => {
  [kit, browser] = await Promise.all([startBillingKit({ WEB_DIST_DIR: inject('webDistDir') }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await kit?.stop();
});

/** Each walk is a new visitor: its own browser context and organization. */
async function visitor(): Promise<BrowserSession> {
  return openSession(browser, kit.t.url, kit.t.app.config.server.publicUrl);
}

function onCheckout(page: Page): Promise<void> {
  return page.waitForURL((url) => url.origin === kit.emulator.baseUrl && url.pathname.startsWith('/checkout/'));
}

/** The emulator's hosted Checkout page, charging the plan's monthly price. */
async function expectCheckoutFor(page: Page, amount: string): Promise<void> {
  await onCheckout(page);
  await expect(page.getByTestId('amount').textContent()).resolves.toContain(amount);
}

/** The first day of next month (UTC): when a FREE organization's runs reset. */
function resetDay(): string {
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() + 1, 1)),
  );
}

describe('the upgrade path', () => {
  it('carries Pro picked on the pricing page through sign-up into its checkout, and back to a Pro dashboard', async () => {
    const { page, close } = await visitor();
    try {
      await page.goto('/pricing');
      await screenshot(page, 'upgrade-path-pricing-signed-out', { phone: true });
      await page.getByRole('region', { name: 'Pro plan' }).getByRole('link', { name: 'Choose Pro' }).click();
      await page.waitForURL((url) => url.pathname === '/signup' && url.searchParams.get('plan') === 'PRO');
      await expect(page.getByTestId('chosen-plan').textContent()).resolves.toContain('You chose Pro — $49/month');

      // The choice survives a detour to sign-in and back.
      await page.getByRole('link', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/signin' && url.searchParams.get('plan') === 'PRO');
      await page.getByTestId('chosen-plan').waitFor();
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.waitForURL((url) => url.pathname === '/signup' && url.searchParams.get('plan') === 'PRO');
      await screenshot(page, 'upgrade-path-signup-with-plan', { phone: true });

      await page.getByLabel('Organization').fill('Carried Plan Co');
      await page.getByLabel('Work email').fill(`carried-${Date.now()}@example.com`);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();

      await expectCheckoutFor(page, '$49.00');
      await screenshot(page, 'upgrade-path-checkout-pro');
      await payOnCheckoutPage(page, CARD_OK);
      await page.waitForURL((url) => url.pathname === '/billing/success');
      await page.getByText('Welcome to Pro').waitFor({ timeout: 20_000 });
      await screenshot(page, 'upgrade-path-welcome-pro', { phone: true });
      await page.getByRole('link', { name: 'Go to dashboard' }).click();
      await expect(page.getByTestId('plan-name').textContent()).resolves.toBe('Pro');
      await page.getByTestId('usage-label').getByText('0 / 5,000').waitFor();
      await screenshot(page, 'upgrade-path-dashboard-pro', { phone: true });
    } finally {
      await close();
    }
  }, 180_000);

  it('turns locked models into buttons whose upsell names the cheapest plan and starts its checkout', async () => {
    const { page, close } = await visitor();
    try {
      await signUpInBrowser(page, 'Locked Models Co', `locked-${Date.now()}@example.com`);
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('link', { name: 'Attribution', exact: true }).click();
      const run = page.getByRole('region', { name: 'Run attribution' });

      const linear = run.getByRole('button', { name: 'Locked: Linear Pro' });
      await linear.click();
      const proOffer = page.getByRole('dialog', { name: 'The Linear model comes with Pro' });
      await proOffer.waitFor();
      await expect(proOffer.textContent()).resolves.toContain('$49');
      await screenshot(page, 'upgrade-path-upsell-pro', { phone: true });
      await proOffer.getByRole('button', { name: 'Not now' }).click();
      await proOffer.waitFor({ state: 'hidden' });
      // Focus returns to the locked button that opened the dialog.
      await expect(linear.evaluate((button) => button === document.activeElement)).resolves.toBe(true);

      await run.getByRole('button', { name: 'Locked: Markov chain Scale' }).click();
      const scaleOffer = page.getByRole('dialog', { name: 'The Markov chain model comes with Scale' });
      await scaleOffer.waitFor();
      const text = (await scaleOffer.textContent()) ?? '';
      expect(text).toContain('$199');
      expect(text).toContain('25,000 attribution runs a month');
      expect(text).not.toMatch(/\b(FREE|PRO|SCALE|MARKOV)\b/);
      await screenshot(page, 'upgrade-path-upsell-scale', { phone: true });
      await scaleOffer.getByRole('button', { name: 'Upgrade to Scale' }).click();
      await expectCheckoutFor(page, '$199.00');
    } finally {
      await close();
    }
  }, 120_000);

  it('warns at 80% and 100% of the runs across the app; the limit dialog leads to Pro’s checkout', async () => {
    const { page, context, close } = await visitor();
    try {
      await signUpInBrowser(page, 'Quota Spent Co', `quota-${Date.now()}@example.com`);
      await page.waitForURL((url) => url.pathname === '/');

      await spendAttributionRuns(kit.t, context, 400);
      await page.reload();
      const warning = page.getByRole('status').filter({ hasText: 'You have used 80%' });
      await warning.waitFor();
      await expect(warning.textContent()).resolves.toContain(`They reset on ${resetDay()}`);
      // The usage card shows the days and the pace.
      await page.getByText(/At this pace: ~[\d,]+ runs by/).waitFor();
      await screenshot(page, 'upgrade-path-banner-80', { phone: true });
      await warning.getByRole('button', { name: 'Dismiss' }).click();
      await warning.waitFor({ state: 'hidden' });

      await useUpAttributionRuns(kit.t, context);
      await page.goto('/attribution');
      const exhausted = page.getByRole('alert').filter({ hasText: 'You have used all 500 attribution runs' });
      await exhausted.waitFor();
      await screenshot(page, 'upgrade-path-banner-100', { phone: true });

      await page
        .getByRole('region', { name: 'Run attribution' })
        .getByRole('button', { name: 'Run attribution' })
        .click();
      const dialog = page.getByRole('dialog', { name: 'You have used all your attribution runs' });
      await dialog.waitFor();
      await dialog.getByText(`They reset on ${resetDay()}`).waitFor();
      const text = (await dialog.textContent()) ?? '';
      expect(text).toContain('You have used 500 of the 500 attribution runs in your Free plan this period.');
      expect(text).toContain('Pro includes 5,000 attribution runs a month.');
      expect(text).not.toMatch(/\b(FREE|PRO|SCALE|ATTRIBUTION_RUNS)\b/);
      await screenshot(page, 'upgrade-path-limit-dialog', { phone: true });

      await dialog.getByRole('button', { name: 'Upgrade to Pro' }).click();
      await expectCheckoutFor(page, '$49.00');
    } finally {
      await close();
    }
  }, 180_000);
});
