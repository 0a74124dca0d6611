// Issue 11, items 5-7: every main screen at 1440×900 and 390×844 (screenshot() also runs axe at both),
// the phone layout (a folded menu, tables as cards, no unmarked sideways scrollers), keyboard and
// screen-reader basics (skip link, one H1 and a title per screen, focus after a dialog), a shell that
// renders before `me` answers and an outage screen when the API cannot be reached.
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, type TestApp } from '@aa/api/testing';
import {
  importSamplePaths,
  launchBrowser,
  openSession,
  PHONE,
  screenshot,
  signUpInBrowser,
  useUpAttributionRuns,
  VIEWPORT,
  type BrowserSession,
} from './browser.js';

let api: TestApp;
let browser: Browser;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  [api, browser] = await Promise.all([startTestApp({ env: { WEB_DIST_DIR: inject('webDistDir') } }), launchBrowser()]);
  session = await openSession(browser, api.url, api.app.config.server.publicUrl);
  page = session.page;
});

afterAll(async () => {
  await session?.close();
  await browser?.close();
  await api?.stop();
});

/** Elements that scroll sideways without being focusable and named: keyboards and screen readers miss them. */
function unmarkedScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((element) => {
        const { overflowX } = getComputedStyle(element);
        return (overflowX === 'auto' || overflowX === 'scroll') && element.scrollWidth > element.clientWidth + 1;
      })
      .filter((element) => element.tabIndex < 0 || !(element.getAttribute('aria-label') ?? '').trim())
      .map((element) => element.outerHTML.slice(0, 120)),
  );
}

const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The element is on screen horizontally (a phone user can reach it without a sideways scroller). */
async function expectWithinViewport(page: Page, locator: ReturnType<Page['locator']>) {
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box, 'the element is rendered').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

describe('the main screens at both widths', () => {
  const email = `screens-${Date.now()}@example.com`;

  it('renders the shell before `me` answers, then the page', async () => {
    const held: Route[] = [];
    let holding = true;
    await page.route('**/graphql', (route) => (holding ? void held.push(route) : route.continue()));
    try {
      await page.goto('/pricing');
      await page.getByRole('link', { name: 'Skip to main content' }).waitFor({ state: 'attached' });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans & pricing' }).waitFor();
      await expect.poll(() => held.length).toBeGreaterThan(0);
    } finally {
      holding = false;
      for (const route of held) await route.continue();
      await page.unroute('**/graphql');
    }
    await page.getByRole('region', { name: 'Pro plan' }).waitFor();
  });

  it('shows an outage screen with a retry, not the signed-out layout, when the API is unreachable', async () => {
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    try {
      for (const path of ['/signin', '/pricing']) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: 'We can’t reach the server' }).waitFor();
        await expect(page.getByRole('button', { name: 'Sign in' }).count()).resolves.toBe(0);
        await expect(page.getByRole('link', { name: 'Sign in' }).count()).resolves.toBe(0);
      }
      await screenshot(page, 'outage', { phone: true });
    } finally {
      await page.unroute('**/graphql');
    }
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('region', { name: 'Pro plan' }).waitFor();
  });

  it('signs up and walks the screens: one H1 and a title of its own each', async () => {
    await page.goto('/signin');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await screenshot(page, 'walk-signin', { phone: true });
    const titles = new Map<string, string>([['/signin', await page.title()]]);
    await signUpInBrowser(page, 'Screens Ltd', email);
    await page.getByTestId('usage-label').waitFor();

    const screens: Array<[path: string, ready: () => Promise<void>]> = [
      ['/', () => page.getByTestId('usage-label').waitFor()],
      ['/attribution', () => page.getByRole('region', { name: 'Saved reports' }).waitFor()],
      [
        '/pricing',
        () => page.getByRole('region', { name: 'Free plan' }).getByText('Current plan', { exact: true }).waitFor(),
      ],
      ['/settings', () => page.getByText('No API keys yet').waitFor()],
      ['/admin', () => page.getByText('No webhook events yet').waitFor()],
      ['/no-such-page', () => page.getByRole('heading', { name: 'Page not found' }).waitFor()],
    ];
    for (const [path, ready] of screens) {
      await page.goto(path);
      await ready();
      await expect(page.locator('h1').count(), path).resolves.toBe(1);
      titles.set(path, await page.title());
      await screenshot(page, `walk${path === '/' ? '-dashboard' : path.replaceAll('/', '-')}`, { phone: true });
    }
    expect(new Set(titles.values()).size, JSON.stringify([...titles])).toBe(titles.size);
    expect(titles.get('/settings')).toBe('Settings · Attribution Analytics');
  }, 600_000);

  it('offers a skip link first, which moves the keyboard into the page', async () => {
    await page.goto('/settings');
    await page.getByText('No API keys yet').waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.closest('main') !== null)).resolves.toBe(true);
  });

  it('folds the navigation away on a phone behind a Menu button', async () => {
    await page.setViewportSize(PHONE);
    try {
      await page.goto('/');
      await page.getByTestId('usage-label').waitFor();
      const header = await page.getByRole('banner').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(64);
      const settings = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' });
      await expect(settings.isVisible()).resolves.toBe(false);

      const menu = page.getByRole('button', { name: 'Menu' });
      await menu.click();
      await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
      await screenshot(page, 'phone-menu-open', { phone: true });
      await settings.click();
      await page.getByText('No API keys yet').waitFor();
      await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(settings.isVisible()).resolves.toBe(false);
    } finally {
      await page.setViewportSize(VIEWPORT);
    }
  });

  it('shows tables as cards on a phone, every value and action on screen', async () => {
    await page.goto('/settings');
    await page.getByLabel('Key name').fill('Phone server');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByRole('row', { name: /Phone server/ }).waitFor();
    await screenshot(page, 'settings-with-key', { phone: true });
    await importSamplePaths(page);
    await page.getByRole('button', { name: 'Run attribution' }).click();
    await page
      .getByRole('region', { name: 'Report results' })
      .getByRole('row', { name: /Direct/ })
      .waitFor();
    await screenshot(page, 'attribution-with-report', { phone: true });

    await page.setViewportSize(PHONE);
    try {
      await page.goto('/settings');
      const key = page.getByRole('row', { name: /Phone server/ });
      await expectWithinViewport(page, key.getByRole('button', { name: 'Revoke' }));
      await expectWithinViewport(
        page,
        page.getByRole('group', { name: 'Members' }).getByText('Owner', { exact: true }),
      );
      await expect(unmarkedScrollers(page)).resolves.toEqual([]);
      await expect(pageOverflow(page)).resolves.toBeLessThanOrEqual(0);

      await page.goto('/attribution');
      const saved = page.getByRole('region', { name: 'Saved reports' });
      await saved.getByRole('button', { name: 'Open' }).first().click();
      const direct = page
        .getByRole('region', { name: 'Report results' })
        .getByRole('row', { name: /Direct/ })
        .first();
      await direct.waitFor();
      await expectWithinViewport(page, direct.getByRole('cell').last());
      await expectWithinViewport(page, saved.getByRole('button', { name: 'Open' }).first());
      await expect(unmarkedScrollers(page)).resolves.toEqual([]);
      await expect(pageOverflow(page)).resolves.toBeLessThanOrEqual(0);
    } finally {
      await page.setViewportSize(VIEWPORT);
    }
  }, 240_000);

  it('gives the keyboard focus back after the upgrade dialog', async () => {
    await useUpAttributionRuns(api, session.context);

    await page.goto('/attribution');
    const run = page.getByRole('region', { name: 'Run attribution' }).getByRole('button', { name: 'Run attribution' });
    await run.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await screenshot(page, 'upgrade-dialog-open', { phone: true });
    await dialog.getByRole('button', { name: 'Not now' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(run.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
  }, 180_000);
});
