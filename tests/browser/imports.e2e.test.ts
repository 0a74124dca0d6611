// Imports as a customer handles them: the allowance on the dashboard, a blank track form that stores
// nothing by itself, the same file refused with a way to replace it, the imports list and deletion.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, type TestApp } from '@aa/api/testing';
import { launchBrowser, openSession, screenshot, signUpInBrowser, type BrowserSession } from './browser.js';

let api: TestApp;
let browser: Browser;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestApp({ env: { WEB_DIST_DIR: inject('webDistDir') } }), launchBrowser()]);
  session = await openSession(browser, api.url, api.app.config.server.publicUrl);
  ({ page } = session);
});

afterAll(async () => {
  await session?.close();
  await browser?.close();
  await api?.stop();
});

const PATHS_CSV = Buffer.from(
  ['path;total_conversions;total_conversion_value;total_null', 'Search > Email;3;90;1', 'Social;1;20;4'].join('\n'),
);

const ORGANIZATION = `Imports Inc ${Date.now()}`;

/** This file's organization only: the browser files share one database and run side by side. */
async function storedRows(): Promise<number> {
  const [row] = await api.sql<{ n: string }>(
    `select (select count(*) from journey j join organization o on o.id = j.organization_id where o.name = ?)
          + (select count(*) from journey_path p join organization o on o.id = p.organization_id where o.name = ?) as n`,
    [ORGANIZATION, ORGANIZATION],
  );
  return Number(row?.n);
}

async function upload(): Promise<void> {
  await page
    .getByLabel('Journeys CSV file')
    .setInputFiles({ name: 'paths.csv', mimeType: 'text/csv', buffer: PATHS_CSV });
  await page.getByRole('button', { name: 'Upload' }).click();
}

describe('imports in the SPA', () => {
  it('shows the stored-journeys allowance on the dashboard', async () => {
    await signUpInBrowser(page, ORGANIZATION, `imports-${Date.now()}@example.com`);
    await page.waitForURL((url) => url.pathname === '/');
    await expect(page.getByTestId('stored-journeys-label').textContent()).resolves.toBe('0 / 10,000');
  });

  it('starts the track form blank, with placeholders: one click stores nothing', async () => {
    await page.getByRole('link', { name: 'Attribution', exact: true }).click();
    const trackCard = page.getByRole('region', { name: 'Track a journey' });
    const channel = trackCard.getByLabel('Touch 1 channel');
    await channel.waitFor();
    await expect(channel.inputValue()).resolves.toBe('');
    await expect(channel.getAttribute('placeholder')).resolves.toBe('e.g. Paid search');
    await expect(trackCard.getByLabel('Value', { exact: true }).inputValue()).resolves.toBe('');
    await page.getByRole('button', { name: 'Track journey' }).click();
    // The browser holds the form back: the conversion time is required and was never filled in.
    const convertedAt = trackCard.getByLabel('Converted at');
    await expect(convertedAt.evaluate((input: HTMLInputElement) => input.validity.valueMissing)).resolves.toBe(true);
    await channel.fill('Email');
    await convertedAt.fill('2026-11-21T10:00');
    await page.getByRole('button', { name: 'Track journey' }).click();
    await trackCard.getByText('Touch 1 needs a date and time.').waitFor();
    expect(await storedRows()).toBe(0);
  });

  // The screenshot runs axe at two widths: slow on a shared machine.
  it(
    'imports a file, refuses it a second time and replaces the earlier import when asked',
    { timeout: 120_000 },
    async () => {
      await upload();
      await page.getByText('Imported 2 path rows').waitFor();
      const imports = page.getByRole('region', { name: 'Imports' });
      await imports.getByRole('row', { name: /paths\.csv/ }).waitFor();

      await upload();
      const refusal = page.getByRole('alert').filter({ hasText: 'already imported as “paths.csv”' });
      await refusal.waitFor();
      expect(await storedRows()).toBe(2);
      await screenshot(page, 'import-duplicate');

      await refusal.getByRole('button', { name: 'Replace the earlier import' }).click();
      await page.getByText('Replaced the earlier import: imported 2 path rows').waitFor();
      await expect(imports.getByRole('row', { name: /paths\.csv/ }).count()).resolves.toBe(1);
      expect(await storedRows()).toBe(2);
    },
  );

  it('deletes an import after a confirmation, and the allowance has the room back', async () => {
    const imports = page.getByRole('region', { name: 'Imports' });
    await imports.getByRole('button', { name: 'Delete paths.csv' }).click();
    await imports.getByRole('button', { name: 'Confirm deleting paths.csv' }).click();
    await imports.getByText('No imports yet').waitFor();
    expect(await storedRows()).toBe(0);

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page.getByTestId('stored-journeys-label').textContent()).resolves.toBe('0 / 10,000');
  });
});
