import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeEmulator } from '../index.js';
import { startEmulatorWithClient } from '../testing/sdk-client.js';

// Stripe's answer to `billing_portal.sessions.create` on an account whose portal settings were never saved.
const NO_SETTINGS =
  'You can’t create a portal session in test mode until you save your customer portal settings in test mode at https://dashboard.stripe.com/test/settings/billing/portal.';

let emulator: StripeEmulator;
let stripe: Stripe;
let nowMs = Date.UTC(2026, 11, 2, 9, 0, 0);

beforeAll(async () => {
  ({ emulator, stripe } = await startEmulatorWithClient({ now: () => nowMs }));
});
afterAll(() => emulator.close());

async function stripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught as Stripe.errors.StripeError,
  );
  if (!error) throw new Error('the request should have failed');
  return error;
}

async function productOf(priceId: string): Promise<string> {
  return String((await stripe.prices.retrieve(priceId)).product);
}

/** The configuration the application sets up: cards, invoices, cancel at period end, PRO ⇄ SCALE. */
async function appConfiguration(): Promise<Stripe.BillingPortal.Configuration> {
  return stripe.billingPortal.configurations.create({
    business_profile: { headline: 'Attribution Analytics billing' },
    default_return_url: 'http://app.test/settings',
    features: {
      customer_update: { enabled: false },
      invoice_history: { enabled: true },
      payment_method_update: { enabled: true },
      subscription_cancel: { enabled: true, mode: 'at_period_end', proration_behavior: 'none' },
      subscription_update: {
        enabled: true,
        default_allowed_updates: ['price'],
        products: [
          { product: await productOf(emulator.priceIds.PRO), prices: [emulator.priceIds.PRO] },
          { product: await productOf(emulator.priceIds.SCALE), prices: [emulator.priceIds.SCALE] },
        ],
        proration_behavior: 'always_invoice',
        schedule_at_period_end: { conditions: [{ type: 'decreasing_item_amount' }] },
      },
    },
    metadata: { aa_portal_config: 'v1' },
  });
}

/** Subscribed as Checkout does it: the card is the customer's default and the subscription's own. */
async function subscriber(email: string): Promise<{ customer: Stripe.Customer; subscription: Stripe.Subscription }> {
  const customer = await stripe.customers.create({
    email,
    payment_method: 'pm_card_visa',
    invoice_settings: { default_payment_method: 'pm_card_visa' },
  });
  const card = String(customer.invoice_settings.default_payment_method);
  const subscription = await stripe.subscriptions.create({
    customer: customer.id,
    items: [{ price: emulator.priceIds.PRO }],
    default_payment_method: card,
  });
  return { customer, subscription };
}

async function control(path: string, body: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(`${emulator.baseUrl}/_emulator/${path}`, {
    method: 'POST',
    body: new URLSearchParams(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe('portal configurations', () => {
  it('is created as the API creates it: never the default, products only when expanded', async () => {
    const configuration = await appConfiguration();
    expect(configuration).toMatchObject({
      object: 'billing_portal.configuration',
      active: true,
      is_default: false,
      livemode: false,
      default_return_url: 'http://app.test/settings',
      business_profile: {
        headline: 'Attribution Analytics billing',
        privacy_policy_url: null,
        terms_of_service_url: null,
      },
      metadata: { aa_portal_config: 'v1' },
      features: {
        customer_update: { enabled: false, allowed_updates: [] },
        invoice_history: { enabled: true },
        payment_method_update: { enabled: true, payment_method_configuration: null },
        subscription_cancel: {
          enabled: true,
          mode: 'at_period_end',
          proration_behavior: 'none',
          cancellation_reason: { enabled: false, options: [] },
        },
        subscription_update: {
          enabled: true,
          default_allowed_updates: ['price'],
          proration_behavior: 'always_invoice',
          schedule_at_period_end: { conditions: [{ type: 'decreasing_item_amount' }] },
          trial_update_behavior: 'end_trial',
        },
      },
    });
    expect(configuration.id).toMatch(/^bpc_/);
    expect(configuration.features.subscription_update.products).toBeUndefined();

    const expanded = await stripe.billingPortal.configurations.retrieve(configuration.id, {
      expand: ['features.subscription_update.products'],
    });
    expect(expanded.features.subscription_update.products?.map((entry) => entry.prices)).toEqual([
      [emulator.priceIds.PRO],
      [emulator.priceIds.SCALE],
    ]);
    const listed = await stripe.billingPortal.configurations.list({
      active: true,
      expand: ['data.features.subscription_update.products'],
    });
    expect(
      listed.data.find((entry) => entry.id === configuration.id)?.features.subscription_update.products,
    ).toHaveLength(2);
    expect((await stripe.billingPortal.configurations.list({ is_default: true })).data).toEqual([]);
  });

  it('updates features and metadata, and refuses what Stripe refuses without changing anything', async () => {
    const configuration = await appConfiguration();
    const updated = await stripe.billingPortal.configurations.update(configuration.id, {
      features: { subscription_update: { proration_behavior: 'create_prorations' } },
      metadata: { aa_portal_config: 'v2', extra: 'x' },
    });
    expect(updated.features.subscription_update.proration_behavior).toBe('create_prorations');
    expect(updated.metadata).toEqual({ aa_portal_config: 'v2', extra: 'x' });

    const cardsOff = await stripeError(
      stripe.billingPortal.configurations.update(configuration.id, {
        features: { payment_method_update: { enabled: false } },
      }),
    );
    expect(cardsOff).toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      message: 'Cannot enable subscription updates while payment method update is disabled.',
    });
    const foreignPrice = await stripeError(
      stripe.billingPortal.configurations.update(configuration.id, {
        features: {
          subscription_update: {
            products: [{ product: await productOf(emulator.priceIds.PRO), prices: [emulator.priceIds.SCALE] }],
          },
        },
      }),
    );
    expect(foreignPrice).toMatchObject({
      statusCode: 400,
      param: 'features[subscription_update][products][0][prices][0]',
    });
    const invoicedCancel = await stripeError(
      stripe.billingPortal.configurations.create({
        features: { subscription_cancel: { enabled: true, proration_behavior: 'always_invoice' } },
      }),
    );
    expect(invoicedCancel).toMatchObject({
      statusCode: 400,
      param: 'features[subscription_cancel][proration_behavior]',
    });
    const proratedAtPeriodEnd = await stripeError(
      stripe.billingPortal.configurations.create({
        features: {
          subscription_cancel: { enabled: true, mode: 'at_period_end', proration_behavior: 'create_prorations' },
        },
      }),
    );
    expect(proratedAtPeriodEnd).toMatchObject({
      statusCode: 400,
      param: 'features[subscription_cancel][proration_behavior]',
    });
    const noEnabled = await stripeError(
      stripe.billingPortal.configurations.create({
        features: { subscription_update: { proration_behavior: 'none' } } as never,
      }),
    );
    expect(noEnabled).toMatchObject({ code: 'parameter_missing', param: 'features[subscription_update][enabled]' });

    const after = await stripe.billingPortal.configurations.retrieve(configuration.id, {
      expand: ['features.subscription_update.products'],
    });
    expect(after.features.payment_method_update.enabled).toBe(true);
    expect(after.features.subscription_update.products?.[0]?.prices).toEqual([emulator.priceIds.PRO]);
    const missing = await stripeError(stripe.billingPortal.configurations.retrieve('bpc_missing'));
    expect(missing).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      message: "No such configuration: 'bpc_missing'",
    });
  });
});

describe('portal sessions', () => {
  it('fails like Stripe without saved portal settings, works with an explicit configuration, then with the saved default', async () => {
    const customer = await stripe.customers.create({ email: 'portal-settings@example.com' });
    const refused = await stripeError(
      stripe.billingPortal.sessions.create({ customer: customer.id, return_url: 'http://app.test/settings' }),
    );
    expect(refused).toMatchObject({
      type: 'StripeInvalidRequestError',
      rawType: 'invalid_request_error',
      statusCode: 400,
      message: NO_SETTINGS,
    });

    const configuration = await appConfiguration();
    const session = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      configuration: configuration.id,
    });
    expect(session).toMatchObject({
      object: 'billing_portal.session',
      configuration: configuration.id,
      return_url: 'http://app.test/settings',
      flow: null,
    });

    await stripe.billingPortal.configurations.update(configuration.id, { active: false });
    const inactive = await stripeError(
      stripe.billingPortal.sessions.create({ customer: customer.id, configuration: configuration.id }),
    );
    expect(inactive).toMatchObject({ statusCode: 400, param: 'configuration' });
    const unknown = await stripeError(
      stripe.billingPortal.sessions.create({ customer: customer.id, configuration: 'bpc_unknown' }),
    );
    expect(unknown).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'configuration' });

    const saved = (await control('portal/settings')) as { id: string };
    const withDefault = await stripe.billingPortal.sessions.create({ customer: customer.id });
    expect(withDefault.configuration).toBe(saved.id);
    expect((await stripe.billingPortal.configurations.retrieve(saved.id)).is_default).toBe(true);
  });

  it('deep-links to a payment method update when the configuration allows it', async () => {
    const { customer, subscription } = await subscriber('portal-flow@example.com');
    const configuration = await appConfiguration();
    const session = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      configuration: configuration.id,
      flow_data: {
        type: 'payment_method_update',
        after_completion: { type: 'redirect', redirect: { return_url: 'http://app.test/billing?updated=1' } },
      },
    });
    expect(session.flow).toEqual({
      type: 'payment_method_update',
      after_completion: {
        type: 'redirect',
        redirect: { return_url: 'http://app.test/billing?updated=1' },
        hosted_confirmation: null,
      },
      customer_update: null,
      subscription_cancel: null,
      subscription_pause: null,
      subscription_update: null,
      subscription_update_confirm: null,
    });
    const page = await fetch(session.url);
    const html = await page.text();
    expect(html).toContain('Update payment method');
    expect(html).not.toContain('Switch to');
    const updated = await fetch(session.url, {
      method: 'POST',
      headers: { cookie: page.headers.get('set-cookie')?.split(';')[0] ?? '' },
      body: new URLSearchParams({ action: 'update_card', card_number: '5555 5555 5555 4444' }),
      redirect: 'manual',
    });
    expect(updated.headers.get('location')).toBe('http://app.test/billing?updated=1');
    const card = await stripe.paymentMethods.retrieve(
      String(
        ((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).invoice_settings.default_payment_method,
      ),
    );
    expect(card.card?.last4).toBe('4444');
    expect((await stripe.subscriptions.retrieve(subscription.id)).default_payment_method).toBe(card.id);

    const cardsOnly = await stripe.billingPortal.configurations.create({
      features: { invoice_history: { enabled: true } },
    });
    const refused = await stripeError(
      stripe.billingPortal.sessions.create({
        customer: customer.id,
        configuration: cardsOnly.id,
        flow_data: { type: 'payment_method_update' },
      }),
    );
    expect(refused).toMatchObject({ statusCode: 400, param: 'flow_data[type]' });
    const noSubscription = await stripeError(
      stripe.billingPortal.sessions.create({
        customer: customer.id,
        configuration: configuration.id,
        flow_data: { type: 'subscription_cancel' },
      }),
    );
    expect(noSubscription).toMatchObject({
      code: 'parameter_missing',
      param: 'flow_data[subscription_cancel][subscription]',
    });
  });
});

describe('the hosted portal offers only what the configuration enables', () => {
  it('hides plan changes and cancellation when they are off, and offers only the configured prices', async () => {
    const { customer } = await subscriber('portal-features@example.com');
    const readOnly = await stripe.billingPortal.configurations.create({
      features: { invoice_history: { enabled: true } },
    });
    const quiet = await (
      await fetch(
        (await stripe.billingPortal.sessions.create({ customer: customer.id, configuration: readOnly.id })).url,
      )
    ).text();
    expect(quiet).toContain('Invoice history');
    expect(quiet).not.toContain('Switch to');
    expect(quiet).not.toContain('data-action="cancel"');
    expect(quiet).not.toContain('Update payment method');

    const other = await stripe.products.create({
      name: 'Other',
      default_price_data: { currency: 'usd', unit_amount: 999, recurring: { interval: 'month' } },
    });
    const configuration = await appConfiguration();
    const full = await (
      await fetch(
        (await stripe.billingPortal.sessions.create({ customer: customer.id, configuration: configuration.id })).url,
      )
    ).text();
    expect(full).toContain('Switch to Attribution Analytics Scale');
    expect(full).not.toContain(String(other.default_price));
    expect(full).toContain('data-action="cancel"');
    expect(full).not.toContain('Cancel plan now');
  });

  it('charges an upgrade at once as configured and schedules a downgrade for the period end', async () => {
    const { customer, subscription } = await subscriber('portal-switch@example.com');
    const configuration = await appConfiguration();
    const session = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      configuration: configuration.id,
    });
    const act = (body: Record<string, string>) =>
      fetch(session.url, {
        method: 'POST',
        body: new URLSearchParams({ subscription: subscription.id, ...body }),
        redirect: 'manual',
      });

    expect((await act({ action: 'switch', price: emulator.priceIds.SCALE })).status).toBe(303);
    const upgraded = await stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] });
    expect(upgraded.items.data[0]?.price.id).toBe(emulator.priceIds.SCALE);
    expect(upgraded.latest_invoice).toMatchObject({ billing_reason: 'subscription_update', status: 'paid' });

    await act({ action: 'switch', price: emulator.priceIds.PRO });
    const downgraded = await stripe.subscriptions.retrieve(subscription.id);
    expect(downgraded.items.data[0]?.price.id).toBe(emulator.priceIds.SCALE);
    const schedule = await stripe.subscriptionSchedules.retrieve(String(downgraded.schedule));
    expect(schedule).toMatchObject({ end_behavior: 'release', status: 'active' });
    expect(schedule.phases.map((phase) => phase.items[0]?.price)).toEqual([
      emulator.priceIds.SCALE,
      emulator.priceIds.PRO,
    ]);
    expect(schedule.phases[0]?.end_date).toBe(downgraded.items.data[0]?.current_period_end);
    const page = await (await fetch(session.url)).text();
    expect(page).toContain('Changes to Attribution Analytics Pro');
    expect(page).not.toContain('Switch to');

    await act({ action: 'cancel' });
    const canceling = await stripe.subscriptions.retrieve(subscription.id);
    expect(canceling).toMatchObject({ cancel_at_period_end: true, schedule: null, status: 'active' });
  });
});

describe('cancellation configured to happen at once', () => {
  it('ends the subscription now with the reason given and credits the unused time', async () => {
    const { customer, subscription } = await subscriber('portal-cancel-now@example.com');
    const configuration = await stripe.billingPortal.configurations.create({
      features: {
        subscription_cancel: {
          enabled: true,
          mode: 'immediately',
          proration_behavior: 'create_prorations',
          cancellation_reason: { enabled: true, options: ['too_expensive', 'unused'] },
        },
      },
    });
    const session = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      configuration: configuration.id,
    });
    const page = await (await fetch(session.url)).text();
    expect(page).toContain('Cancel plan now');
    expect(page).toContain('<option value="too_expensive">');
    const cancel = await fetch(session.url, {
      method: 'POST',
      body: new URLSearchParams({ subscription: subscription.id, action: 'cancel', reason: 'too_expensive' }),
      redirect: 'manual',
    });
    expect(cancel.status).toBe(303);
    const canceled = await stripe.subscriptions.retrieve(subscription.id);
    expect(canceled).toMatchObject({
      status: 'canceled',
      cancellation_details: { feedback: 'too_expensive', reason: 'cancellation_requested' },
    });
    const credits = await stripe.invoiceItems.list({ customer: customer.id, pending: true });
    expect(credits.data.map((item) => item.amount).every((amount) => amount < 0)).toBe(true);
    expect(credits.data).toHaveLength(1);
  });
});

describe('a subscription whose payment failed', () => {
  it('is shown with a link to pay its open invoice', async () => {
    const start = Math.floor(nowMs / 1000);
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: start });
    const customer = await stripe.customers.create({
      email: 'portal-past-due@example.com',
      test_clock: clock.id,
      payment_method: 'pm_card_visa',
      invoice_settings: { default_payment_method: 'pm_card_visa' },
    });
    const subscription = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: emulator.priceIds.PRO }],
    });
    const failing = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id });
    await stripe.subscriptions.update(subscription.id, { default_payment_method: failing.id });
    await stripe.testHelpers.testClocks.advance(clock.id, {
      frozen_time: (subscription.items.data[0]?.current_period_end ?? start) + 3600,
    });
    const pastDue = await stripe.subscriptions.retrieve(subscription.id, { expand: ['latest_invoice'] });
    expect(pastDue.status).toBe('past_due');
    const invoice = pastDue.latest_invoice as Stripe.Invoice;
    expect(invoice.status).toBe('open');

    const session = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      configuration: (await appConfiguration()).id,
    });
    const page = await (await fetch(session.url)).text();
    expect(page).toContain(`data-testid="pay-invoice"`);
    expect(page).toContain(`href="${invoice.hosted_invoice_url}"`);
    expect(page).not.toContain('Switch to');
  });
});

describe('portal session links', () => {
  it('expire after five minutes unless opened in time, then show the expiry page with the way back', async () => {
    const { customer } = await subscriber('portal-expiry@example.com');
    const configuration = await appConfiguration();
    const opened = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      configuration: configuration.id,
      return_url: 'http://app.test/settings',
    });
    const unopened = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      configuration: configuration.id,
      return_url: 'http://app.test/settings',
    });
    const first = await fetch(opened.url);
    expect(first.status).toBe(200);
    const cookie = first.headers.get('set-cookie')?.split(';')[0] ?? '';

    nowMs += 4 * 60_000;
    const late = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      configuration: configuration.id,
      return_url: 'http://app.test/settings',
    });
    nowMs += 60_000;
    const expired = await fetch(unopened.url);
    expect(expired.status).toBe(410);
    const html = await expired.text();
    expect(html).toContain('This session has expired');
    expect(html).toContain('href="http://app.test/settings"');
    expect((await fetch(opened.url, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(opened.url)).status).toBe(410);
    expect((await fetch(late.url)).status).toBe(200);

    await control('portal/expiry', { seconds: '60' });
    const short = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      configuration: configuration.id,
    });
    nowMs += 61_000;
    expect((await fetch(short.url)).status).toBe(410);
    await control('portal/expiry', { seconds: '300' });
  });
});

describe('deleted customers', () => {
  it('send customer.deleted, read back as deleted, and answer resource_missing everywhere else', async () => {
    const { customer } = await subscriber('deleted@example.com');
    const configuration = await appConfiguration();
    const before = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      configuration: configuration.id,
    });
    expect(await stripe.customers.del(customer.id)).toEqual({ id: customer.id, object: 'customer', deleted: true });

    const events = await stripe.events.list({ type: 'customer.deleted' });
    expect(events.data.map((event) => (event.data.object as Stripe.Customer).id)).toContain(customer.id);
    expect(await stripe.customers.retrieve(customer.id)).toEqual({
      id: customer.id,
      object: 'customer',
      deleted: true,
    });
    const missing = { statusCode: 404, code: 'resource_missing', message: `No such customer: '${customer.id}'` };
    expect(await stripeError(stripe.customers.update(customer.id, { name: 'x' }))).toMatchObject({
      ...missing,
      param: 'id',
    });
    expect(await stripeError(stripe.customers.del(customer.id))).toMatchObject(missing);
    expect(
      await stripeError(
        stripe.billingPortal.sessions.create({ customer: customer.id, configuration: configuration.id }),
      ),
    ).toMatchObject({ ...missing, param: 'customer' });
    expect(
      await stripeError(
        stripe.checkout.sessions.create({
          mode: 'subscription',
          customer: customer.id,
          line_items: [{ price: emulator.priceIds.PRO, quantity: 1 }],
          success_url: 'http://app.test/ok',
        }),
      ),
    ).toMatchObject({ ...missing, param: 'customer' });
    expect((await fetch(before.url)).status).toBe(410);
  });
});

describe('checkout session url', () => {
  it('is there while the session is open and null once it is complete or expired', async () => {
    const create = () =>
      stripe.checkout.sessions.create({
        mode: 'subscription',
        line_items: [{ price: emulator.priceIds.PRO, quantity: 1 }],
        success_url: 'http://app.test/ok',
        customer_email: 'url@example.com',
      });
    const paid = await create();
    expect(paid.url).toBe(`${emulator.baseUrl}/checkout/${paid.id}`);
    await stripe.rawRequest('POST', `/v1/test_helpers/checkout/sessions/${paid.id}/complete`, {
      card_number: '4242424242424242',
    });
    expect(await stripe.checkout.sessions.retrieve(paid.id)).toMatchObject({ status: 'complete', url: null });
    const abandoned = await create();
    expect(await stripe.checkout.sessions.expire(abandoned.id)).toMatchObject({ status: 'expired', url: null });
  });
});
