import type Stripe from 'stripe';

/** Where the portal's "Return to …" link leads: the SPA's billing settings. */
export function portalReturnUrl(publicUrl: string): string {
  return `${publicUrl}/settings`;
}

/**
 * Stripe's customer portal needs a configuration: an account has none until someone saves the portal
 * settings in the Dashboard, and a session without one fails. The product keeps its own, made through
 * the API (never the account's default, so it is always passed explicitly) and found again by this
 * metadata; a new version of what the portal offers gets a new value.
 */
export const PORTAL_CONFIGURATION_METADATA = { key: 'aa_portal_config', value: 'v1' } as const;

export interface PortalConfigurationSettings {
  /** The monthly prices customers may switch between in the portal. */
  priceIds: { PRO: string; SCALE: string };
  /** Where the portal's "Return to …" link leads when a session names no return_url (the app's settings page). */
  returnUrl: string;
}

export interface EnsuredPortalConfiguration {
  id: string;
  action: 'created' | 'updated' | 'unchanged';
}

type ConfigurationParams = Stripe.BillingPortal.ConfigurationCreateParams & {
  features: Required<
    Pick<
      Stripe.BillingPortal.ConfigurationCreateParams.Features,
      'customer_update' | 'invoice_history' | 'payment_method_update' | 'subscription_cancel' | 'subscription_update'
    >
  >;
};

const PRODUCTS = 'features.subscription_update.products';

/**
 * Creates the product's portal configuration, or brings the one made earlier back to what the product
 * offers: card updates, invoice history, cancellation at period end (with a reason), and switching
 * between the PRO and SCALE prices, an upgrade charged at once for the prorated difference, a
 * downgrade at the period end (Stripe schedules it). Idempotent: a configuration already right is
 * left alone (`unchanged`). Used lazily by the portal and by `pnpm stripe:setup`.
 */
export async function ensurePortalConfiguration(
  stripe: Stripe,
  settings: PortalConfigurationSettings,
): Promise<EnsuredPortalConfiguration> {
  const desired = await desiredConfiguration(stripe, settings);
  const existing = await findOwnConfiguration(stripe);
  if (!existing) {
    const created = await stripe.billingPortal.configurations.create(desired);
    return { id: created.id, action: 'created' };
  }
  if (existing.active && matches(existing, desired)) return { id: existing.id, action: 'unchanged' };
  const { features, business_profile, default_return_url, metadata } = desired;
  await stripe.billingPortal.configurations.update(existing.id, {
    active: true,
    features,
    business_profile,
    default_return_url,
    metadata,
  });
  return { id: existing.id, action: 'updated' };
}

async function desiredConfiguration(
  stripe: Stripe,
  settings: PortalConfigurationSettings,
): Promise<ConfigurationParams> {
  return {
    business_profile: { headline: 'Attribution Analytics' },
    default_return_url: settings.returnUrl,
    features: {
      customer_update: { enabled: false },
      invoice_history: { enabled: true },
      payment_method_update: { enabled: true },
      subscription_cancel: {
        enabled: true,
        mode: 'at_period_end',
        proration_behavior: 'none',
        cancellation_reason: {
          enabled: true,
          options: ['too_expensive', 'missing_features', 'switched_service', 'unused', 'other'],
        },
      },
      subscription_update: {
        enabled: true,
        default_allowed_updates: ['price'],
        products: await switchableProducts(stripe, [settings.priceIds.PRO, settings.priceIds.SCALE]),
        proration_behavior: 'always_invoice',
        schedule_at_period_end: { conditions: [{ type: 'decreasing_item_amount' }] },
      },
    },
    metadata: { [PORTAL_CONFIGURATION_METADATA.key]: PORTAL_CONFIGURATION_METADATA.value },
  };
}

/** The portal lists prices per product (two plans may share one product). */
async function switchableProducts(
  stripe: Stripe,
  priceIds: string[],
): Promise<{ product: string; prices: string[] }[]> {
  const byProduct = new Map<string, string[]>();
  for (const priceId of priceIds) {
    const price = await stripe.prices.retrieve(priceId);
    const product = typeof price.product === 'string' ? price.product : price.product.id;
    byProduct.set(product, [...(byProduct.get(product) ?? []), price.id]);
  }
  return [...byProduct].map(([product, prices]) => ({ product, prices }));
}

/** The product's configuration, active or not; its products included (Stripe sends them only on request). */
async function findOwnConfiguration(stripe: Stripe): Promise<Stripe.BillingPortal.Configuration | null> {
  let found: Stripe.BillingPortal.Configuration | null = null;
  for await (const configuration of stripe.billingPortal.configurations.list({
    limit: 100,
    expand: [`data.${PRODUCTS}`],
  })) {
    if (configuration.metadata?.[PORTAL_CONFIGURATION_METADATA.key] !== PORTAL_CONFIGURATION_METADATA.value) continue;
    if (configuration.active) return configuration;
    found ??= configuration;
  }
  return found;
}

/** What the product decides about a configuration, in one form for Stripe's object and for what is sent. */
function summary(source: {
  returnUrl: string | null | undefined;
  headline: string | null | undefined;
  features: {
    customer_update: { enabled?: boolean };
    invoice_history: { enabled: boolean };
    payment_method_update: { enabled: boolean };
    subscription_cancel: {
      enabled?: boolean;
      mode?: string;
      proration_behavior?: string;
      cancellation_reason?: { enabled: boolean; options?: readonly string[] | '' | null };
    };
    subscription_update: {
      enabled?: boolean;
      default_allowed_updates?: readonly string[] | '' | null;
      products?: readonly { product: string; prices: readonly string[] }[] | '' | null;
      proration_behavior?: string;
      schedule_at_period_end?: { conditions?: readonly { type: string }[] | '' | null };
    };
  };
}): string {
  const sorted = (values: readonly string[] | '' | null | undefined) => [...(values || [])].sort();
  const { subscription_cancel: cancel, subscription_update: update } = source.features;
  return JSON.stringify([
    source.returnUrl ?? null,
    source.headline ?? null,
    source.features.customer_update.enabled ?? false,
    source.features.invoice_history.enabled,
    source.features.payment_method_update.enabled,
    [
      cancel.enabled ?? false,
      cancel.mode ?? null,
      cancel.proration_behavior ?? null,
      cancel.cancellation_reason?.enabled ?? false,
      sorted(cancel.cancellation_reason?.options),
    ],
    [
      update.enabled ?? false,
      sorted(update.default_allowed_updates),
      sorted((update.products || []).map((entry) => `${entry.product}:${sorted(entry.prices).join(',')}`)),
      update.proration_behavior ?? null,
      sorted((update.schedule_at_period_end?.conditions || []).map((condition) => condition.type)),
    ],
  ]);
}

function matches(existing: Stripe.BillingPortal.Configuration, desired: ConfigurationParams): boolean {
  return (
    summary({
      returnUrl: existing.default_return_url,
      headline: existing.business_profile.headline,
      features: existing.features,
    }) ===
    summary({
      returnUrl: desired.default_return_url || null,
      headline: desired.business_profile?.headline || null,
      features: desired.features,
    })
  );
}
