import { startStripeEmulator, type StripeEmulator } from '@aa/stripe-emulator';
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WEBHOOK_HANDLERS } from '../stripe/handlers/handler-registry.js';
import { checkStripeSetup } from './stripe-preflight.js';
import { formatSetupReport, runStripeSetup, type StripeSetupReport } from './stripe-setup.js';

const PUBLIC_URL = 'https://app.example.com';
const WEBHOOK_URL = `${PUBLIC_URL}/webhooks/stripe`;

let emulator: StripeEmulator;

// A Stripe account of its own for each test.
beforeEach(async () => {
  emulator = await startStripeEmulator({ port: 0 });
});
afterEach(() => emulator.close());

function clientFor(secretKey: string): Stripe {
  return new Stripe(secretKey, { host: emulator.host, port: emulator.port, protocol: 'http', maxNetworkRetries: 0 });
}

function actions(report: StripeSetupReport): string[] {
  return report.steps.map((entry) => `${entry.action} ${entry.subject}`);
}

function variable(report: StripeSetupReport, name: string): string | null | undefined {
  return report.variables.find((entry) => entry.name === name)?.value;
}

describe('pnpm stripe:setup', () => {
  // A live key sees an empty account on the emulator (its seeded catalog is test-mode): a new Stripe account.
  it('on an empty account creates everything once; the second run changes nothing', async () => {
    const stripe = clientFor('sk_live_setupEmptyAccount01');
    const first = await runStripeSetup(stripe, { webhookUrl: WEBHOOK_URL, publicUrl: PUBLIC_URL });
    expect(actions(first)).toEqual([
      'created product Pro',
      'created price pro_monthly',
      'created product Scale',
      'created price scale_monthly',
      'created portal configuration',
      'created webhook endpoint',
    ]);
    expect(first.livemode).toBe(true);
    expect(variable(first, 'STRIPE_WEBHOOK_SECRET')).toMatch(/^whsec_/);

    const second = await runStripeSetup(stripe, { webhookUrl: WEBHOOK_URL, publicUrl: PUBLIC_URL });
    expect(actions(second)).toEqual([
      'unchanged product Pro',
      'unchanged price pro_monthly',
      'unchanged product Scale',
      'unchanged price scale_monthly',
      'unchanged portal configuration',
      'unchanged webhook endpoint',
    ]);
    expect(variable(second, 'STRIPE_PRICE_ID_PRO')).toBe(variable(first, 'STRIPE_PRICE_ID_PRO'));
    expect(variable(second, 'STRIPE_PRICE_ID_SCALE')).toBe(variable(first, 'STRIPE_PRICE_ID_SCALE'));
    expect(variable(second, 'STRIPE_WEBHOOK_SECRET')).toBeNull();
    expect(formatSetupReport(second)).toContain('# STRIPE_WEBHOOK_SECRET: we_');
    expect(formatSetupReport(second)).toContain('reveals its signing secret only at creation');

    // What Stripe now holds: one product and one price per plan, one endpoint.
    const prices = await stripe.prices.list({
      lookup_keys: ['pro_monthly', 'scale_monthly'],
      expand: ['data.product'],
    });
    expect(
      prices.data
        .map((price) => [
          price.lookup_key,
          price.unit_amount,
          price.currency,
          price.recurring?.interval,
          (price.product as Stripe.Product).name,
        ])
        .sort(),
    ).toEqual([
      ['pro_monthly', 4900, 'usd', 'month', 'Attribution Analytics Pro'],
      ['scale_monthly', 19900, 'usd', 'month', 'Attribution Analytics Scale'],
    ]);
    expect((await stripe.products.list({ limit: 100 })).data).toHaveLength(2);
    const endpoints = (await stripe.webhookEndpoints.list()).data;
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0]?.url).toBe(WEBHOOK_URL);
    expect(endpoints[0]?.api_version).toBe(Stripe.API_VERSION);
    expect([...(endpoints[0]?.enabled_events ?? [])].sort()).toEqual(Object.keys(WEBHOOK_HANDLERS).sort());
    expect(endpoints[0]?.enabled_events).toContain('customer.deleted');

    const portals = (await stripe.billingPortal.configurations.list()).data;
    expect(portals).toHaveLength(1);
    expect(portals[0]?.default_return_url).toBe(`${PUBLIC_URL}/settings`);
    expect(portals[0]?.features.subscription_update.enabled).toBe(true);

    // The ids it printed pass the API's start-up check with the same key.
    const priceIds = {
      PRO: variable(second, 'STRIPE_PRICE_ID_PRO') ?? '',
      SCALE: variable(second, 'STRIPE_PRICE_ID_SCALE') ?? '',
    };
    expect(
      await checkStripeSetup(stripe, { secretKey: 'sk_live_setupEmptyAccount01', webhookSecret: 'whsec_x', priceIds }),
    ).toEqual({ status: 'passed' });
  });

  it('finds the seeded catalog by lookup key and leaves it alone; without --webhook-url there is no endpoint', async () => {
    const report = await runStripeSetup(clientFor(emulator.secretKey), { webhookUrl: null, publicUrl: PUBLIC_URL });
    expect(actions(report)).toEqual([
      'unchanged product Pro',
      'unchanged price pro_monthly',
      'unchanged product Scale',
      'unchanged price scale_monthly',
      'created portal configuration',
    ]);
    expect(variable(report, 'STRIPE_PRICE_ID_PRO')).toBe(emulator.priceIds.PRO);
    expect(formatSetupReport(report)).toContain('# STRIPE_WEBHOOK_SECRET: no --webhook-url given');
  });

  it('replaces a price of the wrong amount through transfer_lookup_key and leaves the old one active, saying so', async () => {
    const stripe = clientFor('sk_live_setupWrongAmount01');
    await runStripeSetup(stripe, { webhookUrl: null, publicUrl: PUBLIC_URL });
    const [pro] = (await stripe.prices.list({ lookup_keys: ['pro_monthly'] })).data;
    if (!pro) throw new Error('no pro_monthly price');
    const stale = await stripe.prices.create({
      product: String(pro.product),
      currency: 'usd',
      unit_amount: 3900,
      recurring: { interval: 'month' },
      lookup_key: 'pro_monthly',
      transfer_lookup_key: true,
    });

    const report = await runStripeSetup(stripe, { webhookUrl: null, publicUrl: PUBLIC_URL });
    const replaced = report.steps.find((entry) => entry.subject === 'price pro_monthly');
    expect(replaced?.action).toBe('replaced');
    expect(replaced?.detail).toContain(`${stale.id} ($39.00 USD/month) is left active for its current subscribers`);
    const current = variable(report, 'STRIPE_PRICE_ID_PRO');
    expect(current).not.toBe(stale.id);
    expect((await stripe.prices.retrieve(current ?? '')).unit_amount).toBe(4900);
    expect((await stripe.prices.retrieve(stale.id)).active).toBe(true);
    expect((await stripe.prices.list({ lookup_keys: ['pro_monthly'] })).data.map((price) => price.id)).toEqual([
      current,
    ]);
    // The portal switches between the prices now in use.
    expect(report.steps.find((entry) => entry.subject === 'portal configuration')?.action).toBe('updated');
  });

  it('brings a drifted endpoint back to the handled events, the new URL and enabled, without a second endpoint', async () => {
    const stripe = clientFor('sk_live_setupDriftedHook01');
    const first = await runStripeSetup(stripe, { webhookUrl: WEBHOOK_URL, publicUrl: PUBLIC_URL });
    const [endpoint] = (await stripe.webhookEndpoints.list()).data;
    if (!endpoint) throw new Error('no endpoint');
    await stripe.webhookEndpoints.update(endpoint.id, { enabled_events: ['invoice.paid'], disabled: true });

    const moved = 'https://billing.example.com/webhooks/stripe';
    const report = await runStripeSetup(stripe, { webhookUrl: moved, publicUrl: PUBLIC_URL });
    const hook = report.steps.find((entry) => entry.subject === 'webhook endpoint');
    expect(hook?.action).toBe('updated');
    expect(hook?.detail).toBe(`${endpoint.id}: url (was ${WEBHOOK_URL}), enabled events, enabled (was disabled)`);
    const endpoints = (await stripe.webhookEndpoints.list()).data;
    expect(endpoints.map((entry) => [entry.id, entry.url, entry.status])).toEqual([[endpoint.id, moved, 'enabled']]);
    expect([...(endpoints[0]?.enabled_events ?? [])].sort()).toEqual(Object.keys(WEBHOOK_HANDLERS).sort());
    expect(variable(first, 'STRIPE_WEBHOOK_SECRET')).toMatch(/^whsec_/);
    expect(variable(report, 'STRIPE_WEBHOOK_SECRET')).toBeNull();
    // The webhooks moved to another host than PUBLIC_URL: the portal's return link may be stale.
    expect(report.steps.filter((entry) => entry.action === 'attention').map((entry) => entry.detail)).toEqual([
      `returns customers to ${PUBLIC_URL} but webhooks go to https://billing.example.com: set PUBLIC_URL to the app's address and run again`,
    ]);
  });
});
