import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedUpUser } from '../../../test/harness.js';
import { startAppWithUnreachableStripe, startBillingKit, type BillingKit } from '../test/billing-test-kit.js';
import { PORTAL_CONFIGURATION_METADATA } from './portal-configuration.js';
import { graphql } from '../../../test/gql/index.js';

const PORTAL = graphql(`
  mutation PortalCreatePortalSession {
    createPortalSession {
      url
    }
  }
`);

let kit: BillingKit;

beforeAll(async () => {
  kit = await startBillingKit();
});
afterAll(() => kit?.stop());

async function openPortal(user: SignedUpUser) {
  return kit.t.graphql(PORTAL, {}, { cookie: user.cookie });
}

/** The configurations the product made, as Stripe lists them (with their products, sent only on request). */
async function productConfigurations(): Promise<Stripe.BillingPortal.Configuration[]> {
  const all = await kit.stripe.billingPortal.configurations.list({
    limit: 100,
    expand: ['data.features.subscription_update.products'],
  });
  return all.data.filter(
    (configuration) =>
      configuration.metadata?.[PORTAL_CONFIGURATION_METADATA.key] === PORTAL_CONFIGURATION_METADATA.value,
  );
}

/** After a restart the app listens elsewhere: Stripe's deliveries follow it. */
async function restartApp(): Promise<void> {
  await kit.t.restart();
  kit.emulator.addWebhookEndpoint(`${kit.t.url}/webhooks/stripe`);
}

describe('the customer portal on a Stripe account whose portal settings were never saved', () => {
  it('opens with the product configuration: card updates, invoices, cancel at period end, PRO ⇄ SCALE', async () => {
    // Like a new Stripe account: no default configuration, so a session needs an explicit one.
    expect((await kit.stripe.billingPortal.configurations.list({ is_default: true })).data).toEqual([]);
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');

    const result = await openPortal(user);
    expect(result.errors).toBeUndefined();
    const url = result.data?.createPortalSession.url ?? '';
    expect(url).toMatch(new RegExp(`^${kit.emulator.baseUrl}/portal/bps_`));
    const page = await (await fetch(url)).text();
    expect(page).toContain('Switch to Attribution Analytics Scale');
    expect(page).toContain('Update payment method');
    expect(page).toContain('Invoice history');
    expect(page).toContain('data-action="cancel"');
    expect(page).not.toContain('Cancel plan now');
    expect(page).toContain('href="http://app.test/settings"');

    const [configuration, ...others] = await productConfigurations();
    expect(others).toEqual([]);
    expect(configuration).toMatchObject({
      active: true,
      is_default: false,
      default_return_url: 'http://app.test/settings',
      features: {
        invoice_history: { enabled: true },
        payment_method_update: { enabled: true },
        subscription_cancel: { enabled: true, mode: 'at_period_end', proration_behavior: 'none' },
        subscription_update: {
          enabled: true,
          default_allowed_updates: ['price'],
          proration_behavior: 'always_invoice',
          schedule_at_period_end: { conditions: [{ type: 'decreasing_item_amount' }] },
        },
      },
    });
    expect(configuration?.features.subscription_update.products?.flatMap((entry) => entry.prices).sort()).toEqual(
      [kit.emulator.priceIds.PRO, kit.emulator.priceIds.SCALE].sort(),
    );
  });

  it('makes the configuration once across calls and restarts, and again when it was deactivated', async () => {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'SCALE');
    const writes = () => kit.apiRequests().filter((line) => line.startsWith('POST /v1/billing_portal/configurations'));
    expect((await openPortal(user)).errors).toBeUndefined();
    expect((await openPortal(user)).errors).toBeUndefined();
    await restartApp();
    expect((await openPortal(user)).errors).toBeUndefined();
    // The first test's request created it; none of these wrote it again.
    expect(writes()).toHaveLength(1);
    const [configuration, ...others] = await productConfigurations();
    expect(others).toEqual([]);

    await kit.stripe.billingPortal.configurations.update(configuration?.id ?? '', { active: false });
    expect((await openPortal(user)).errors).toBeUndefined();
    expect(await productConfigurations()).toMatchObject([{ id: configuration?.id, active: true }]);
  });
});

describe('when Stripe refuses', () => {
  it('answers BILLING_PORTAL_UNAVAILABLE, never an internal error, and tries again on the next request', async () => {
    const user = await kit.t.signUp();
    await kit.subscribe(user, 'PRO');
    const [configuration] = await productConfigurations();
    // Someone changed the configuration in the Dashboard and archived a plan's price: bringing it back fails.
    await kit.stripe.billingPortal.configurations.update(configuration?.id ?? '', {
      features: { subscription_update: { proration_behavior: 'none' } },
    });
    await kit.stripe.prices.update(kit.emulator.priceIds.SCALE, { active: false });
    await restartApp();
    try {
      const refused = await openPortal(user);
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BILLING_PORTAL_UNAVAILABLE',
        reason: 'BILLING_PORTAL_UNAVAILABLE',
      });
      expect(refused.errors?.[0]?.message).toMatch(/try again/);
    } finally {
      await kit.stripe.prices.update(kit.emulator.priceIds.SCALE, { active: true });
    }
    expect((await openPortal(user)).errors).toBeUndefined();
    expect((await productConfigurations())[0]?.features.subscription_update.proration_behavior).toBe('always_invoice');
  });

  it('keeps BILLING_PROVIDER_UNAVAILABLE when Stripe cannot be reached', async () => {
    const unreachable = await startAppWithUnreachableStripe(kit);
    try {
      const user = await unreachable.app.signUp();
      await unreachable.app.sql(
        'insert into billing_customer (organization_id, stripe_customer_id, email, created_at) values (?, ?, ?, now())',
        [user.organizationId, 'cus_unreachable', user.email],
      );
      const result = await unreachable.app.graphql(PORTAL, {}, { cookie: user.cookie });
      expect(result.errors?.[0]?.extensions?.code).toBe('BILLING_PROVIDER_UNAVAILABLE');
    } finally {
      await unreachable.stop();
    }
  });
});
