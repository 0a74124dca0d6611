import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeEmulator } from './index.js';
import { startEmulatorWithClient } from './testing/sdk-client.js';
import { missingKeys, stripeExample } from './testing/fixture-keys.js';

let emulator: StripeEmulator;
let stripe: Stripe;

beforeAll(async () => {
  ({ emulator, stripe } = await startEmulatorWithClient());
});
afterAll(() => emulator.close());

function expectStripeKeys(resource: string, object: unknown): void {
  expect(missingKeys(object, stripeExample(resource)), `${resource} lacks keys of Stripe's example`).toEqual([]);
}

async function expectStripeError(
  promise: Promise<unknown>,
  expected: { type: string; param?: string; status: number; code?: string },
): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught as Stripe.errors.StripeError,
  );
  expect(error, 'the request should fail').not.toBeNull();
  expect(error?.rawType).toBe(expected.type);
  expect(error?.statusCode).toBe(expected.status);
  if (expected.param) expect(error?.param).toBe(expected.param);
  if (expected.code) expect(error?.code).toBe(expected.code);
}

describe('seeded plan catalog', () => {
  it('exposes the PRO and SCALE prices under their lookup keys, with their products', async () => {
    const prices = await stripe.prices.list({
      lookup_keys: ['pro_monthly', 'scale_monthly'],
      expand: ['data.product'],
    });
    const byKey = new Map(prices.data.map((price) => [price.lookup_key, price]));
    expect(byKey.get('pro_monthly')?.id).toBe(emulator.priceIds.PRO);
    expect(byKey.get('scale_monthly')?.id).toBe(emulator.priceIds.SCALE);
    expect(byKey.get('pro_monthly')?.unit_amount).toBe(4900);
    expect(byKey.get('scale_monthly')?.unit_amount).toBe(19900);
    expect((byKey.get('pro_monthly')?.product as Stripe.Product).name).toBe('Attribution Analytics Pro');
    expect((byKey.get('scale_monthly')?.product as Stripe.Product).name).toBe('Attribution Analytics Scale');
    for (const price of prices.data) {
      expectStripeKeys('price', price);
      expectStripeKeys('product', price.product);
    }
  });
});

describe('resources through the official SDK', () => {
  it('returns every resource with all the keys of Stripe example, and ids with Stripe prefixes', async () => {
    const product = await stripe.products.create({ name: 'Contract', description: 'keys' });
    const price = await stripe.prices.create({
      product: product.id,
      currency: 'usd',
      unit_amount: 1200,
      recurring: { interval: 'month' },
    });
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: Math.floor(Date.now() / 1000) });
    const customer = await stripe.customers.create({
      email: 'keys@example.com',
      metadata: { org: 'o1' },
      payment_method: 'pm_card_visa',
      invoice_settings: { default_payment_method: 'pm_card_visa' },
      test_clock: clock.id,
    });
    const paymentMethod = await stripe.paymentMethods.retrieve(
      String(customer.invoice_settings.default_payment_method),
    );
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      metadata: { org: 'o1' },
    });
    const invoice = await stripe.invoices.retrieve(String(subscription.latest_invoice));
    const item = await stripe.invoiceItems.create({
      customer: customer.id,
      amount: 500,
      currency: 'usd',
      description: 'one-off',
    });
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: emulator.priceIds.PRO, quantity: 1 }],
      success_url: 'http://app.test/billing/success?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://app.test/pricing',
      customer: customer.id,
      client_reference_id: 'org_1',
      metadata: { organization_id: 'org_1' },
      subscription_data: { metadata: { organization_id: 'org_1' } },
    });
    const portalConfiguration = await stripe.billingPortal.configurations.create({
      features: { invoice_history: { enabled: true } },
    });
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: 'http://app.test/settings',
      configuration: portalConfiguration.id,
    });
    const endpoint = await stripe.webhookEndpoints.create({
      url: 'http://127.0.0.1:9/unused',
      enabled_events: ['invoice.paid'],
    });
    const events = await stripe.events.list({ limit: 3 });
    const event = events.data[0];
    const lineItems = await stripe.checkout.sessions.listLineItems(session.id);
    const doomedClock = await stripe.testHelpers.testClocks.create({ frozen_time: 1_800_000_000 });
    const doomedCustomer = await stripe.customers.create({ email: 'deleted@example.com' });
    const deletedClock = await stripe.testHelpers.testClocks.del(doomedClock.id);
    const deletedCustomer = await stripe.customers.del(doomedCustomer.id);
    const deletedEndpoint = await stripe.webhookEndpoints.del(endpoint.id);

    const checks: [string, unknown, string][] = [
      ['product', product, 'prod_'],
      ['price', price, 'price_'],
      ['customer', customer, 'cus_'],
      ['payment_method', paymentMethod, 'pm_'],
      ['subscription', subscription, 'sub_'],
      ['subscription_item', subscription.items.data[0], 'si_'],
      ['invoice', invoice, 'in_'],
      ['line_item', invoice.lines.data[0], 'il_'],
      ['invoiceitem', item, 'ii_'],
      ['checkout.session', session, 'cs_test_'],
      ['billing_portal.session', portal, 'bps_'],
      ['billing_portal.configuration', portalConfiguration, 'bpc_'],
      ['webhook_endpoint', endpoint, 'we_'],
      // The event's own envelope; its data.object is held to its resource in the next test.
      ['event', { ...event, data: { object: null } }, 'evt_'],
      ['test_helpers.test_clock', clock, 'clock_'],
      ['item', lineItems.data[0], 'li_'],
      ['deleted_customer', deletedCustomer, 'cus_'],
      ['deleted_webhook_endpoint', deletedEndpoint, 'we_'],
      ['deleted_test_helpers.test_clock', deletedClock, 'clock_'],
    ];
    for (const [resource, object, prefix] of checks) {
      expectStripeKeys(resource, object);
      expect((object as { id: string }).id.startsWith(prefix), `${resource} id ${(object as { id: string }).id}`).toBe(
        true,
      );
    }
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(session.url).toBe(`${emulator.baseUrl}/checkout/${session.id}`);
    expect(portal.url).toBe(`${emulator.baseUrl}/portal/${portal.id}`);
    expect(subscription.status).toBe('active');
    expect(subscription.items.data[0]?.current_period_end).toBeGreaterThan(
      subscription.items.data[0]?.current_period_start ?? Infinity,
    );
    expect(invoice.status).toBe('paid');
    expect(customer.test_clock).toBe(clock.id);
  });

  it('carries the resource keys in every webhook event object', async () => {
    const events = await stripe.events.list({ limit: 100 });
    const resources = new Set([
      'customer',
      'subscription',
      'invoice',
      'checkout.session',
      'payment_method',
      'invoiceitem',
      'product',
      'price',
    ]);
    const checked = new Set<string>();
    for (const event of events.data) {
      expectStripeKeys('event', { ...event, data: { object: null } });
      const object = event.data.object as { object: string };
      if (!resources.has(object.object)) continue;
      expectStripeKeys(object.object, object);
      checked.add(object.object);
    }
    expect([...checked].sort()).toEqual([
      'customer',
      'invoice',
      'invoiceitem',
      'payment_method',
      'price',
      'product',
      'subscription',
    ]);
  });
});

describe('Stripe conventions', () => {
  it('paginates lists newest first with has_more and starting_after', async () => {
    const created = [];
    for (let i = 0; i < 5; i += 1)
      created.push(await stripe.customers.create({ email: `page${i}@example.com`, metadata: { batch: 'pages' } }));
    const first = await stripe.customers.list({ limit: 2 });
    expect(first.object).toBe('list');
    expect(first.url).toBe('/v1/customers');
    expect(first.has_more).toBe(true);
    expect(first.data.map((c) => c.id)).toEqual([created[4]?.id, created[3]?.id]);
    const second = await stripe.customers.list({ limit: 2, starting_after: first.data[1]?.id ?? '' });
    expect(second.data.map((c) => c.id)).toEqual([created[2]?.id, created[1]?.id]);
    const none = await stripe.customers.list({ created: { gt: Math.floor(Date.now() / 1000) + 3600 } });
    expect(none.data).toEqual([]);
    const all: string[] = [];
    for await (const customer of stripe.customers.list({ limit: 3 })) all.push(customer.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(created.map((c) => c.id)));
  });

  it('expands references, including nested ones and on lists', async () => {
    const customer = await stripe.customers.create({
      email: 'expand@example.com',
      payment_method: 'pm_card_visa',
      invoice_settings: { default_payment_method: 'pm_card_visa' },
    });
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: emulator.priceIds.SCALE }],
      expand: ['latest_invoice', 'customer', 'items.data.price.product'],
    });
    expect((subscription.customer as Stripe.Customer).email).toBe('expand@example.com');
    expect((subscription.latest_invoice as Stripe.Invoice).object).toBe('invoice');
    expect((subscription.items.data[0]?.price.product as Stripe.Product).name).toBe('Attribution Analytics Scale');
    const withSubscriptions = await stripe.customers.retrieve(customer.id, { expand: ['subscriptions'] });
    expect((withSubscriptions as Stripe.Customer).subscriptions?.data.map((s) => s.id)).toEqual([subscription.id]);
    const list = await stripe.subscriptions.list({ customer: customer.id, expand: ['data.customer'] });
    expect((list.data[0]?.customer as Stripe.Customer).id).toBe(customer.id);
    await expectStripeError(stripe.subscriptions.retrieve(subscription.id, { expand: ['nonexistent'] }), {
      type: 'invalid_request_error',
      status: 400,
      param: 'expand[0]',
    });
  });

  it('replays an idempotent request and rejects the key reused with other parameters', async () => {
    const first = await stripe.customers.create({ email: 'idem@example.com' }, { idempotencyKey: 'idem-1' });
    const replay = await stripe.customers.create({ email: 'idem@example.com' }, { idempotencyKey: 'idem-1' });
    expect(replay.id).toBe(first.id);
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
    const matching = await stripe.customers.list({ email: 'idem@example.com' });
    expect(matching.data).toHaveLength(1);
    await expectStripeError(stripe.customers.create({ email: 'other@example.com' }, { idempotencyKey: 'idem-1' }), {
      type: 'idempotency_error',
      status: 400,
    });
  });

  it('answers unknown, mistyped and missing parameters with invalid_request_error and param', async () => {
    await expectStripeError(stripe.customers.create({ emial: 'typo@example.com' } as Stripe.CustomerCreateParams), {
      type: 'invalid_request_error',
      status: 400,
      param: 'emial',
      code: 'parameter_unknown',
    });
    await expectStripeError(
      stripe.prices.create({ product: 'prod_x', currency: 'usd', unit_amount: 'abc' as unknown as number }),
      {
        type: 'invalid_request_error',
        status: 400,
        param: 'unit_amount',
        code: 'parameter_invalid_integer',
      },
    );
    await expectStripeError(
      stripe.subscriptions.create({ items: [{ price: emulator.priceIds.PRO }] } as Stripe.SubscriptionCreateParams),
      {
        type: 'invalid_request_error',
        status: 400,
        param: 'customer',
        code: 'parameter_missing',
      },
    );
    await expectStripeError(
      stripe.checkout.sessions.create({ mode: 'subscription', line_items: [{ price: 'price_missing', quantity: 1 }] }),
      {
        type: 'invalid_request_error',
        status: 404,
        param: 'line_items[0][price]',
        code: 'resource_missing',
      },
    );
    await expectStripeError(stripe.subscriptions.retrieve('sub_missing'), {
      type: 'invalid_request_error',
      status: 404,
      code: 'resource_missing',
    });
  });

  it('rejects keys that are not secret keys and echoes the Stripe-Version', async () => {
    const publishable = new Stripe('pk_test_nope', {
      host: emulator.host,
      port: emulator.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    await expect(publishable.customers.list()).rejects.toMatchObject({ statusCode: 401 });
    const response = await fetch(`${emulator.baseUrl}/v1/customers?limit=1`, {
      headers: { authorization: 'Bearer sk_test_anything', 'stripe-version': '2026-10-28.endive' },
    });
    expect(response.headers.get('stripe-version')).toBe('2026-10-28.endive');
    expect(response.headers.get('request-id')).toMatch(/^req_/);
    const badVersion = await fetch(`${emulator.baseUrl}/v1/customers`, {
      headers: { authorization: 'Bearer sk_test_anything', 'stripe-version': 'yesterday' },
    });
    expect(badVersion.status).toBe(400);
    expect(await badVersion.json()).toMatchObject({
      error: { type: 'invalid_request_error', code: 'invalid_stripe_api_version' },
    });
  });

  it('declines a failing card with a card_error and records invoice.payment_failed', async () => {
    const customer = await stripe.customers.create({ email: 'fail@example.com' });
    await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    await stripe.invoiceItems.create({ customer: customer.id, amount: 2000, currency: 'usd' });
    const invoice = await stripe.invoices.create({ customer: customer.id, pending_invoice_items_behavior: 'include' });
    expect(invoice.amount_due).toBe(2000);
    const methods = await stripe.customers.listPaymentMethods(customer.id);
    const error = await stripe.invoices
      .pay(invoice.id, { payment_method: methods.data[0]?.id ?? '' })
      .catch((caught: unknown) => caught as Stripe.errors.StripeError);
    expect(error).toMatchObject({ type: 'StripeCardError', statusCode: 402, code: 'card_declined' });
    const failed = await stripe.events.list({ type: 'invoice.payment_failed', limit: 1 });
    expect((failed.data[0]?.data.object as Stripe.Invoice).id).toBe(invoice.id);
  });
});
