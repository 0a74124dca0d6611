import { createServer, type Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listen } from '../http/server.js';
import type { StripeEmulator } from '../index.js';
import { startEmulatorWithClient } from '../testing/sdk-client.js';

let emulator: StripeEmulator;
let stripe: Stripe;
let browser: Browser;
let app: Server;
let appUrl: string;

beforeAll(async () => {
  ({ emulator, stripe } = await startEmulatorWithClient());
  // The application's success and return pages, as the SPA would serve them.
  app = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://app.local');
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(
      `<h1 id="landing">${url.pathname === '/billing/success' ? 'Payment succeeded' : 'Back in the app'}</h1><p id="session">${url.searchParams.get('session_id') ?? ''}</p>`,
    );
  });
  appUrl = `http://127.0.0.1:${await listen(app, 0, '127.0.0.1')}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close();
  await emulator.close();
  await closeServer(app);
});

async function checkoutSession(email: string): Promise<Stripe.Checkout.Session> {
  return stripe.checkout.sessions.create({
    mode: 'subscription',
    line_items: [{ price: emulator.priceIds.PRO, quantity: 1 }],
    customer_email: email,
    client_reference_id: 'org_browser',
    metadata: { organization_id: 'org_browser' },
    subscription_data: { metadata: { organization_id: 'org_browser' } },
    success_url: `${appUrl}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${appUrl}/pricing`,
  });
}

async function fillCard(page: Page, number: string): Promise<void> {
  await page.fill('#card_number', number);
  await page.fill('#card_expiry', '12 / 34');
  await page.fill('#card_cvc', '123');
  await page.fill('#name', 'Jenny Rosen');
}

describe('hosted checkout and portal in a real browser', () => {
  it('pays with 4242 and redirects to success_url with the session id', async () => {
    const session = await checkoutSession('buyer@example.com');
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(session.url ?? '');
    await expect(page.textContent('[data-testid=amount]')).resolves.toContain('$49.00');
    expect(await page.inputValue('#email')).toBe('buyer@example.com');
    await fillCard(page, '4242 4242 4242 4242');
    await page.screenshot({ path: '/tmp/stripe-emulator-checkout.png', fullPage: true });
    await Promise.all([page.waitForURL(`${appUrl}/billing/success?session_id=${session.id}`), page.click('#submit')]);
    expect(await page.textContent('#landing')).toBe('Payment succeeded');

    const completed = await stripe.checkout.sessions.retrieve(session.id, { expand: ['subscription'] });
    expect(completed).toMatchObject({ status: 'complete', payment_status: 'paid', client_reference_id: 'org_browser' });
    const subscription = completed.subscription as Stripe.Subscription;
    expect(subscription).toMatchObject({ status: 'active', metadata: { organization_id: 'org_browser' } });
    expect(subscription.items.data[0]?.price.id).toBe(emulator.priceIds.PRO);
    const invoice = await stripe.invoices.retrieve(String(subscription.latest_invoice));
    expect(invoice.status).toBe('paid');
    const completedEvents = await stripe.events.list({ type: 'checkout.session.completed' });
    expect(completedEvents.data.map((event) => (event.data.object as Stripe.Checkout.Session).id)).toContain(
      session.id,
    );
    await page.close();
  });

  it('shows the decline of 4000 0000 0000 0002 and creates no subscription', async () => {
    const session = await checkoutSession('declined@example.com');
    const page = await browser.newPage();
    await page.goto(session.url ?? '');
    await fillCard(page, '4000 0000 0000 0002');
    await page.click('#submit');
    await expect(page.textContent('[data-testid=checkout-error]')).resolves.toContain('Your card was declined');
    await page.screenshot({ path: '/tmp/stripe-emulator-declined.png' });
    expect(page.url()).toBe(session.url);
    const after = await stripe.checkout.sessions.retrieve(session.id);
    expect(after).toMatchObject({ status: 'open', subscription: null, customer: null });
    const customers = await stripe.customers.list({ email: 'declined@example.com' });
    expect(customers.data).toHaveLength(0);
    await page.close();
  });

  it('lets the customer upgrade at once, downgrade at period end, cancel at period end and return from the portal', async () => {
    const session = await checkoutSession('portal@example.com');
    await stripe.rawRequest('POST', `/v1/test_helpers/checkout/sessions/${session.id}/complete`, {
      card_number: '4242424242424242',
    });
    const paid = await stripe.checkout.sessions.retrieve(session.id);
    const product = async (price: string) => String((await stripe.prices.retrieve(price)).product);
    const configuration = await stripe.billingPortal.configurations.create({
      features: {
        invoice_history: { enabled: true },
        payment_method_update: { enabled: true },
        subscription_cancel: { enabled: true, mode: 'at_period_end' },
        subscription_update: {
          enabled: true,
          default_allowed_updates: ['price'],
          products: [
            { product: await product(emulator.priceIds.PRO), prices: [emulator.priceIds.PRO] },
            { product: await product(emulator.priceIds.SCALE), prices: [emulator.priceIds.SCALE] },
          ],
          proration_behavior: 'always_invoice',
          schedule_at_period_end: { conditions: [{ type: 'decreasing_item_amount' }] },
        },
      },
    });
    const portal = await stripe.billingPortal.sessions.create({
      customer: String(paid.customer),
      return_url: `${appUrl}/settings`,
      configuration: configuration.id,
    });
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(portal.url);
    await expect(page.textContent('main')).resolves.toContain('Attribution Analytics Pro');

    await page.click('button:has-text("Switch to Attribution Analytics Scale")');
    await expect(page.textContent('[role=status]')).resolves.toContain('Switched to Attribution Analytics Scale');
    const subscriptionId = String(paid.subscription);
    expect((await stripe.subscriptions.retrieve(subscriptionId)).items.data[0]?.price.id).toBe(emulator.priceIds.SCALE);

    await page.click('button:has-text("Switch to Attribution Analytics Pro")');
    await expect(page.textContent('[role=status]')).resolves.toContain(
      'Your plan changes to Attribution Analytics Pro on',
    );
    expect((await stripe.subscriptions.retrieve(subscriptionId)).items.data[0]?.price.id).toBe(emulator.priceIds.SCALE);
    await expect(page.textContent('[data-testid=scheduled-change]')).resolves.toContain(
      'Changes to Attribution Analytics Pro',
    );

    await page.click('button[data-action=cancel]');
    await expect(page.textContent('[role=status]')).resolves.toContain('canceled at the end');
    expect((await stripe.subscriptions.retrieve(subscriptionId)).cancel_at_period_end).toBe(true);
    await page.screenshot({ path: '/tmp/stripe-emulator-portal.png', fullPage: true });

    await Promise.all([page.waitForURL(`${appUrl}/settings`), page.click('[data-testid=return-link]')]);
    expect(await page.textContent('#landing')).toBe('Back in the app');
    await page.close();
  });

  it('shows the expiry page for a portal link opened too late, with the way back to the application', async () => {
    const customer = await stripe.customers.create({ email: 'late@example.com' });
    const configuration = await stripe.billingPortal.configurations.create({
      features: { invoice_history: { enabled: true } },
    });
    emulator.setPortalSessionLifetime(0);
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: `${appUrl}/settings`,
      configuration: configuration.id,
    });
    emulator.setPortalSessionLifetime(300);
    const page = await browser.newPage();
    await page.goto(portal.url);
    await expect(page.textContent('h1')).resolves.toBe('This session has expired');
    await page.screenshot({ path: '/tmp/stripe-emulator-portal-expired.png' });
    await Promise.all([page.waitForURL(`${appUrl}/settings`), page.click('[data-testid=expired-return-link]')]);
    await page.close();
  });
});
