// The SPA as people use it: built like production, served by the real API (fresh database),
// driven in a real Chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, type TestApp } from '@aa/api/testing';
import {
  importSamplePaths,
  launchBrowser,
  openSession,
  PASSWORD,
  screenshot,
  signUpInBrowser,
  useUpAttributionRuns,
  VIEWPORT,
  type BrowserSession,
} from './browser.js';

let api: TestApp;
let browser: Browser;
let session: BrowserSession;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestApp({ env: { WEB_DIST_DIR: inject('webDistDir') } }), launchBrowser()]);
  session = await openSession(browser, api.url, api.app.config.server.publicUrl);
  ({ context, page } = session);
});

afterAll(async () => {
  await session?.close();
  await browser?.close();
  await api?.stop();
});

describe('the SPA in a browser against the real API', () => {
  const email = `owner-${Date.now()}@example.com`;

  it('sends anonymous visitors to sign-in', async () => {
    await page.goto('/settings');
    await page.waitForURL('**/signin?next=%2Fsettings');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'signin');
  });

  it('shows visitors the plans with a way to start', async () => {
    await page.goto('/pricing');
    await page.getByRole('region', { name: 'Pro plan' }).getByRole('link', { name: 'Choose Pro' }).waitFor();
    await expect(page.getByRole('link', { name: 'Settings' }).count()).resolves.toBe(0);
    await screenshot(page, 'pricing-anonymous');
  });

  it('refuses a wrong password with a clear message', async () => {
    await page.goto('/signin');
    await page.getByLabel('Work email').fill('nobody@example.com');
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await screenshot(page, 'signin-error');
  });

  it('signs up and lands on the dashboard: plan Free, 0 / 500 runs', async () => {
    await page.goto('/signup');
    await screenshot(page, 'signup');
    await signUpInBrowser(page, 'Acme Marketing', email);

    await page.waitForURL((url) => url.pathname === '/');
    await expect(page.getByTestId('plan-name').textContent()).resolves.toBe('Free');
    await expect(page.getByTestId('usage-label').textContent()).resolves.toBe('0 / 500');
    await expect(page.getByText('Acme Marketing').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'dashboard');
  });

  it('creates an API key whose secret is shown once, then only its prefix', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByText('No API keys yet').waitFor();
    await page.getByLabel('Key name').fill('Production server');
    await page.getByRole('button', { name: 'Create key' }).click();

    const secret = (await page.getByTestId('api-key-secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    const row = page.getByRole('row', { name: /Production server/ });
    await row.waitFor();
    await screenshot(page, 'settings-new-key');

    // The secret authenticates the API; the list shows only its prefix.
    const viaKey = await api.graphql<{ me: { organization: { name: string } } }>(
      '{ me { organization { name } } }',
      {},
      { apiKey: secret },
    );
    expect(viaKey.data?.me.organization.name).toBe('Acme Marketing');
    const prefix = (await row.locator('code').textContent())?.replace('…', '') ?? '';
    expect(secret.startsWith(prefix)).toBe(true);

    await page.reload();
    await page.getByRole('row', { name: /Production server/ }).waitFor();
    await expect(page.getByTestId('api-key-secret').count()).resolves.toBe(0);
    await expect(page.getByText(secret).count()).resolves.toBe(0);
  });

  it('tracks a journey and shows its credit per channel; usage counts the run', async () => {
    await page.getByRole('link', { name: 'Attribution', exact: true }).click();
    // Models outside the plan are locked: buttons that name the plan that has them (they open the upsell).
    const trackCard = page.getByRole('region', { name: 'Track a journey' });
    const markov = trackCard.getByRole('button', { name: 'Locked: Markov chain Scale' });
    await markov.waitFor();
    await expect(markov.textContent()).resolves.toContain('Scale');
    await trackCard.getByRole('button', { name: 'Locked: Linear Pro' }).waitFor();
    await screenshot(page, 'attribution');

    // The form starts blank (placeholders only): the journey is the one typed in.
    await trackCard.getByLabel('Touch 1 channel').fill('Email');
    await trackCard.getByLabel('At', { exact: true }).fill('2026-11-20T10:00');
    await trackCard.getByLabel('Converted at').fill('2026-11-21T10:00');
    await trackCard.getByLabel('Value', { exact: true }).fill('120');
    await page.getByRole('button', { name: 'Track journey' }).click();
    const credits = page.getByRole('region', { name: 'Last touch credits' });
    await credits.waitFor();
    await expect(credits.getByRole('row', { name: /Email/ }).textContent()).resolves.toContain('120');
    await screenshot(page, 'attribution-result');

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByText('1 / 500').waitFor();
  });

  it('imports a paths CSV, runs attribution and lists the saved report', async () => {
    await importSamplePaths(page);

    await page.getByRole('button', { name: 'Run attribution' }).click();
    const results = page.getByRole('region', { name: 'Report results' });
    await results.getByRole('row', { name: /Direct/ }).waitFor();
    await expect(results.getByRole('row', { name: /Direct/ }).textContent()).resolves.toContain('12');

    const saved = page.getByRole('region', { name: 'Saved reports' });
    await saved.getByRole('button', { name: 'Open' }).waitFor();
    await expect(saved.getByText('CSV on Scale').isVisible()).resolves.toBe(true);
    await screenshot(page, 'attribution-report');
  });

  it('shows the plans with the current one marked', async () => {
    await page.getByRole('link', { name: 'Plans & pricing' }).click();
    const free = page.getByRole('region', { name: 'Free plan' });
    await free.getByText('Current plan', { exact: true }).waitFor();
    await expect(
      page.getByRole('region', { name: 'Scale plan' }).getByText('25,000 attribution runs / month').isVisible(),
    ).resolves.toBe(true);
    await screenshot(page, 'pricing');
  });

  it('opens the upgrade dialog when the plan limit is reached', async () => {
    await useUpAttributionRuns(api, context);

    // The track form starts blank now; a run is the metered call the page offers with one click.
    await page.getByRole('link', { name: 'Attribution', exact: true }).click();
    await page
      .getByRole('region', { name: 'Run attribution' })
      .getByRole('button', { name: 'Run attribution' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'You have used all your attribution runs' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('500 of the 500 attribution runs');
    await screenshot(page, 'upgrade-dialog');

    // Its "Upgrade to Pro" starts Pro's checkout, which needs Stripe: upgrade-path.e2e walks it with the billing kit.
    await dialog.getByRole('button', { name: 'Upgrade to Pro' }).waitFor();
    await dialog.getByRole('button', { name: 'Not now' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }, 120_000);

  it('shows owners the billing activity page', async () => {
    await page.getByRole('link', { name: 'Developer' }).click();
    await page.getByText('No webhook events yet').waitFor();
    await page.getByText('No mail yet').waitFor();
    await screenshot(page, 'admin');
  });

  it('shows the activation page after Checkout, waiting for the webhook', async () => {
    await page.goto('/billing/success?session_id=cs_test_e2e');
    await page.getByText('Activating your plan…').waitFor();
    await screenshot(page, 'billing-success');
  });

  it('answers an unknown address with a way back, and fits a phone screen', async () => {
    await page.goto('/no-such-page');
    await page.getByText('Page not found').waitFor();
    await screenshot(page, 'not-found');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByTestId('usage-label').waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-phone');
    // On a phone the navigation sits behind the Menu button.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Attribution', exact: true }).click();
    await page.getByRole('region', { name: 'Saved reports' }).getByRole('button', { name: 'Open' }).waitFor();
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, 'attribution-phone');
    await page.setViewportSize(VIEWPORT);
  });

  it('sends a lapsed session to sign-in, remembering the page', async () => {
    await page.goto('/');
    await page.getByTestId('usage-label').waitFor();
    const cookies = await context.cookies();
    await context.clearCookies();
    try {
      // The SPA still believes it is signed in; the API's UNAUTHENTICATED answer corrects it.
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.waitForURL('**/signin?next=%2Fsettings');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    } finally {
      await context.addCookies(cookies);
    }
  });

  it('signs out and back in', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/signin');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByText('500 / 500').waitFor();
    await screenshot(page, 'dashboard-at-limit');
  });
});
