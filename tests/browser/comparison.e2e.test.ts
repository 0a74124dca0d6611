// Issue 11 item 2: the sample paths imported on Scale, every model the data allows in one comparison view
// (table and chart, totals, shares of the total), the report opened by its address, a wrong id not found.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, type TestApp } from '@aa/api/testing';
import {
  importSamplePaths,
  launchBrowser,
  openSession,
  screenshot,
  signUpInBrowser,
  type BrowserSession,
} from './browser.js';

let api: TestApp;
let browser: Browser;
let session: BrowserSession;
let page: Page;

// Every organization is on Scale: all ten models are in the plan, so only the data decides.
const onScale: NonNullable<Parameters<typeof startTestApp>[0]>['subscriptions'] = {
  activeSubscription: (organizationId: string) =>
    Promise.resolve({
      id: `sub-${organizationId}`,
      stripeSubscriptionId: `sub_test_${organizationId.slice(0, 8)}`,
      tier: 'SCALE',
      status: 'active',
      periodStart: new Date(Date.now() - 86_400_000),
      periodEnd: new Date(Date.now() + 29 * 86_400_000),
      cancelAtPeriodEnd: false,
    }),
};

beforeAll(async () => {
  [api, browser] = await Promise.all([
    startTestApp({ env: { WEB_DIST_DIR: inject('webDistDir') }, subscriptions: onScale }),
    launchBrowser(),
  ]);
  session = await openSession(browser, api.url, api.app.config.server.publicUrl);
  ({ page } = session);
});

afterAll(async () => {
  await session?.close();
  await browser?.close();
  await api?.stop();
});

describe('the comparison view', () => {
  it('refuses a run over an empty window before spending one', async () => {
    await signUpInBrowser(page, 'Compare Co', `compare-${Date.now()}@example.com`);
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: 'Attribution', exact: true }).click();
    const runCard = page.getByRole('region', { name: 'Run attribution' });
    await runCard.getByText('There are no journeys in this window').waitFor();
    await expect(runCard.getByRole('button', { name: 'Run attribution' }).isDisabled()).resolves.toBe(true);
  });

  it('runs every model the paths allow and compares them in one table and chart', { timeout: 180_000 }, async () => {
    await importSamplePaths(page);
    const runCard = page.getByRole('region', { name: 'Run attribution' });
    // Time decay is explained and left out before the run; the other nine stay checked.
    await runCard.getByText(/Time decay is left out: TIME_DECAY weighs touches by their time/).waitFor();
    await expect(runCard.getByRole('checkbox', { name: 'Time decay' }).isChecked()).resolves.toBe(false);
    await expect(runCard.getByRole('checkbox', { checked: true }).count()).resolves.toBe(9);
    const tiles = runCard.getByRole('definition');
    await expect(tiles.allTextContents()).resolves.toEqual(['67', '2', '17', '$2,050.50']);

    await runCard.getByRole('button', { name: 'Run attribution' }).click();
    await page.waitForURL((url) => /^\/attribution\/reports\/[0-9a-f-]{36}$/.test(url.pathname));
    const results = page.getByRole('region', { name: 'Report results' });
    const table = results.getByRole('table');
    await table.waitFor();
    await expect(table.getByRole('columnheader').count()).resolves.toBe(10);
    // Last touch gives Direct 12 of 17 conversions: 70.6% of the total, not a full bar.
    const direct = table.getByRole('row', { name: /Direct/ });
    await expect(direct.getByRole('cell').first().textContent()).resolves.toMatch(/^70\.6%/);
    await expect(results.getByRole('img', { name: 'Share of conversions by channel and model' }).count()).resolves.toBe(
      1,
    );

    const shapley = table.getByRole('columnheader', { name: /Shapley value/ });
    await expect(shapley.getAttribute('aria-sort')).resolves.toBe('none');
    await shapley.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect(shapley.getAttribute('aria-sort')).resolves.toBe('descending');
    await page.keyboard.press('Enter');
    await expect(shapley.getAttribute('aria-sort')).resolves.toBe('ascending');
    await screenshot(page, 'attribution-comparison', { phone: true });

    const address = new URL(page.url()).pathname;
    await page.goto(address);
    await results.getByRole('row', { name: /Direct/ }).waitFor();
    await expect(results.getByRole('definition').allTextContents()).resolves.toEqual(['2', '17', '$2,050.50']);
    await page.goto('/attribution/reports/00000000-0000-4000-8000-000000000000');
    await results.getByText('Report not found').waitFor();
    await screenshot(page, 'attribution-report-not-found');
  });
});
