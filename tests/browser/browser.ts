import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestApp } from '@aa/api/testing';

// Debian's Chromium: no browser download is possible (or wanted) on these machines.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// test-results/ is git-ignored.
export const SCREENSHOT_DIR =
  process.env.SCREENSHOT_DIR ?? join(dirname(fileURLToPath(import.meta.url)), 'test-results', 'screens');
/** The two widths every screen is checked at: a laptop and a phone. */
export const VIEWPORT = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const PASSWORD = 'correct horse battery staple';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the networking flags Chromium keeps dialling Google's hosts, which this closed network refuses.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Another tab of the same signed-in browser. */
  newTab(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A desktop-sized page on the app at `appUrl`. The harness gives the app a fixed public URL (its port
 * is known only after listen) that links and Stripe redirects use: it resolves to the app, as DNS would.
 */
export async function openSession(browser: Browser, appUrl: string, publicUrl: string): Promise<BrowserSession> {
  const context = await routedContext(browser, appUrl, publicUrl);
  const page = await context.newPage();
  const others: BrowserContext[] = [];
  return {
    context,
    page,
    async newTab() {
      // Chromium stops applying the public-URL route to a cross-site redirect (Stripe's page → the
      // app's success URL) once a context has two pages, so the second tab is a context of its own
      // holding the same session cookie: one signed-in user in two tabs, as far as the app can tell.
      const other = await routedContext(browser, appUrl, publicUrl, await context.storageState());
      others.push(other);
      return other.newPage();
    },
    async close() {
      for (const other of others) await other.close();
      await context.close();
    },
  };
}

async function routedContext(
  browser: Browser,
  appUrl: string,
  publicUrl: string,
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    baseURL: appUrl,
    ...(storageState ? { storageState } : {}),
  });
  await context.route(`${publicUrl}/**`, (route) =>
    route.fulfill({ status: 302, headers: { location: route.request().url().replace(publicUrl, appUrl) } }),
  );
  return context;
}

/** Signs up through the form, as a new customer does. */
export async function signUpInBrowser(
  page: Page,
  organization: string,
  email: string,
  path = '/signup',
): Promise<void> {
  await page.goto(path);
  await page.getByLabel('Organization').fill(organization);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Signs in through the form from wherever the page is (the sign-in page, maybe with a `?next=`). */
export async function signInInBrowser(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Pays on Stripe's hosted Checkout page (the emulator's) as a customer types a card in. */
export async function payOnCheckoutPage(page: Page, cardNumber = '4242424242424242'): Promise<void> {
  await page.locator('#card_number').fill(cardNumber);
  await page.locator('#card_expiry').fill('12 / 34');
  await page.locator('#card_cvc').fill('123');
  await page.locator('#submit').click();
}

/** Uploads two aggregated paths (17 conversions over Search, Email, Direct, Social) on /attribution. */
export async function importSamplePaths(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Attribution', exact: true }).click();
  const csv = [
    'path;total_conversions;total_conversion_value;total_null',
    'Search > Email > Direct;12;1450.5;40',
    'Social > Search;5;600;10',
  ].join('\n');
  await page
    .getByLabel('Journeys CSV file')
    .setInputFiles({ name: 'paths.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.getByText('Imported 2 path rows').waitFor();
}

/** Spends the rest of the period's attribution runs through the API (tracked journeys, in bounded batches). */
export async function useUpAttributionRuns(api: TestApp, context: BrowserContext): Promise<void> {
  const usage = await api.graphql<{ usage: { attributionRuns: { remaining: number } } }>(
    '{ usage { attributionRuns { remaining } } }',
    {},
    { cookie: await sessionCookie(context) },
  );
  await spendAttributionRuns(api, context, usage.data?.usage.attributionRuns.remaining ?? 0);
}

/** WCAG 2.2 A/AA rules plus axe's best practices; the ones that are critical or serious must not occur. */
const BLOCKING = new Set(['critical', 'serious']);

/** Runs axe-core on the page as it is now and fails on any critical or serious violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
    }));
  expect(blocking, `axe on ${screen} at ${page.viewportSize()?.width}px`).toEqual([]);
}

/** Only the app's own screens are checked; Stripe's pages (the emulator's) are Stripe's business. */
async function isAppScreen(page: Page): Promise<boolean> {
  return (await page.locator('#root').count()) > 0;
}

async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * Saves the screen (`name.png`, and `name-phone.png` when asked) and, on the app's screens, runs axe at
 * both widths: every screen the browser tests show is checked for accessibility. The viewport is restored.
 */
export async function screenshot(page: Page, name: string, { phone = false } = {}): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize() ?? VIEWPORT;
  const checked = await isAppScreen(page);
  try {
    for (const [viewport, suffix] of [
      [VIEWPORT, ''],
      [PHONE, '-phone'],
    ] as const) {
      await page.setViewportSize(viewport);
      await settled(page);
      if (checked) await expectAccessible(page, name);
      if (viewport === VIEWPORT || phone) {
        await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}${suffix}.png`), fullPage: true });
      }
    }
  } finally {
    await page.setViewportSize(original);
  }
}

/** Spends `count` of the period's attribution runs through the API (tracked journeys, in bounded batches). */
export async function spendAttributionRuns(api: TestApp, context: BrowserContext, count: number): Promise<void> {
  const cookie = await sessionCookie(context);
  const track = 'mutation ($input: JourneyInput!) { trackJourney(input: $input) { journeyId } }';
  const input = {
    touches: [{ channel: 'Email', at: new Date(Date.now() - 3_600_000).toISOString() }],
    convertedAt: new Date().toISOString(),
  };
  for (let sent = 0; sent < count; sent += 50) {
    const batch = Array.from({ length: Math.min(50, count - sent) }, () => api.graphql(track, { input }, { cookie }));
    for (const result of await Promise.all(batch)) expect(result.errors).toBeUndefined();
  }
}

/** The browser's session cookie, as a Cookie header for calls to the API. */
async function sessionCookie(context: BrowserContext): Promise<string> {
  const session = (await context.cookies()).find((c) => c.name === 'aa_session');
  if (!session) throw new Error('the browser holds no session cookie');
  return `${session.name}=${session.value}`;
}
