import { invalidParameter, missingParameter } from '../http/errors.js';
import { ID_PREFIX, newId } from '../ids.js';
import {
  buildPortalConfiguration,
  defaultPortalFeatures,
  type PortalConfigurationObject,
  type PortalFeatures,
} from '../objects/portal-objects.js';
import { idOf, mergeMetadata, type BillingContext } from './context.js';
import { recurringPrice } from './subscriptions.js';

type Features = PortalFeatures;
type UpdateFeature = Features['subscription_update'];
type CancelFeature = Features['subscription_cancel'];

/** `features[…]` as sent: every field optional, `null` where the caller sent an empty value. */
export interface FeaturesInput {
  customer_update?: { enabled?: boolean | null; allowed_updates?: string[] | null } | null;
  invoice_history?: { enabled: boolean } | null;
  payment_method_update?: { enabled: boolean; payment_method_configuration?: string | null } | null;
  subscription_cancel?: {
    enabled?: boolean | null;
    mode?: CancelFeature['mode'] | null;
    proration_behavior?: CancelFeature['proration_behavior'] | null;
    cancellation_reason?: { enabled: boolean; options?: string[] | null; feedback_options?: string[] | null } | null;
  } | null;
  subscription_pause?: { enabled?: boolean | null } | null;
  subscription_update?: {
    enabled?: boolean | null;
    default_allowed_updates?: string[] | null;
    products?:
      | {
          product: string;
          prices: string[];
          adjustable_quantity?: { enabled: boolean; maximum?: number | null; minimum?: number | null } | null;
        }[]
      | null;
    proration_behavior?: UpdateFeature['proration_behavior'] | null;
    schedule_at_period_end?: { conditions?: { type: string }[] | null } | null;
    billing_cycle_anchor?: UpdateFeature['billing_cycle_anchor'] | null;
    trial_update_behavior?: UpdateFeature['trial_update_behavior'] | null;
  } | null;
}

export interface ConfigurationInput {
  features?: FeaturesInput | null;
  business_profile?: {
    headline?: string | null;
    privacy_policy_url?: string | null;
    terms_of_service_url?: string | null;
  } | null;
  default_return_url?: string | null;
  metadata?: Record<string, string | null> | null;
  name?: string | null;
  active?: boolean | null;
}

const MAX_PRODUCTS = 10;
const MAX_HEADLINE = 60;

export function createPortalConfiguration(
  ctx: BillingContext,
  input: ConfigurationInput & { features: FeaturesInput },
): PortalConfigurationObject {
  requireEnabledFlags(input.features);
  const configuration = buildPortalConfiguration({
    id: newId(ID_PREFIX.portalConfiguration),
    created: ctx.clock.now(),
    features: defaultPortalFeatures(),
    businessProfile: { headline: null, privacy_policy_url: null, terms_of_service_url: null },
    defaultReturnUrl: null,
    // Only the settings saved in the Dashboard are the default; the API never makes one.
    isDefault: false,
    metadata: {},
    name: null,
  });
  applyConfigurationInput(ctx, configuration, input);
  return ctx.store.portalConfigurations.insert(configuration);
}

export function updatePortalConfiguration(
  ctx: BillingContext,
  configuration: PortalConfigurationObject,
  input: ConfigurationInput,
): PortalConfigurationObject {
  // Validated on a copy: a refused update leaves the configuration as it was.
  const draft = structuredClone(configuration);
  applyConfigurationInput(ctx, draft, input);
  if (input.active !== undefined && input.active !== null) draft.active = input.active;
  draft.updated = ctx.clock.now();
  Object.assign(configuration, draft);
  return configuration;
}

/**
 * What saving the portal settings in the Dashboard does: the account's default configuration, with
 * the Dashboard's starting settings (invoice history, card updates, cancel at period end).
 */
export function saveDashboardPortalSettings(ctx: BillingContext): PortalConfigurationObject {
  const existing = defaultPortalConfiguration(ctx);
  if (existing) return existing;
  const configuration = createPortalConfiguration(ctx, {
    features: {
      invoice_history: { enabled: true },
      payment_method_update: { enabled: true },
      customer_update: { enabled: true, allowed_updates: ['email', 'address'] },
      subscription_cancel: { enabled: true, mode: 'at_period_end' },
      subscription_update: { enabled: false },
    },
  });
  configuration.is_default = true;
  return configuration;
}

export function defaultPortalConfiguration(ctx: BillingContext): PortalConfigurationObject | undefined {
  return ctx.store.portalConfigurations.all().find((configuration) => configuration.is_default && configuration.active);
}

/** Stripe requires `enabled` on every feature sent at creation (`subscription_pause` aside). */
function requireEnabledFlags(features: FeaturesInput): void {
  for (const name of ['customer_update', 'subscription_cancel', 'subscription_update'] as const) {
    const feature = features[name];
    if (feature && (feature.enabled === undefined || feature.enabled === null))
      throw missingParameter(`features[${name}][enabled]`);
  }
  const reason = features.subscription_cancel?.cancellation_reason;
  if (reason && reason.options === undefined)
    throw missingParameter('features[subscription_cancel][cancellation_reason][options]');
}

function applyConfigurationInput(
  ctx: BillingContext,
  configuration: PortalConfigurationObject,
  input: ConfigurationInput,
): void {
  if (input.features) applyFeatures(ctx, configuration.features, input.features);
  if (input.business_profile) {
    const profile = input.business_profile;
    if (profile.headline && profile.headline.length > MAX_HEADLINE) {
      throw invalidParameter(
        'business_profile[headline]',
        `Invalid string: must be at most ${MAX_HEADLINE} characters`,
      );
    }
    if (profile.headline !== undefined) configuration.business_profile.headline = profile.headline;
    if (profile.privacy_policy_url !== undefined) {
      configuration.business_profile.privacy_policy_url = validUrl(
        profile.privacy_policy_url,
        'business_profile[privacy_policy_url]',
      );
    }
    if (profile.terms_of_service_url !== undefined) {
      configuration.business_profile.terms_of_service_url = validUrl(
        profile.terms_of_service_url,
        'business_profile[terms_of_service_url]',
      );
    }
  }
  if (input.default_return_url !== undefined)
    configuration.default_return_url = validUrl(input.default_return_url, 'default_return_url');
  if (input.metadata !== undefined) configuration.metadata = mergeMetadata(configuration.metadata, input.metadata);
  if (input.name !== undefined) configuration.name = input.name;
  assertConsistent(configuration.features);
}

function applyFeatures(ctx: BillingContext, features: Features, input: FeaturesInput): void {
  const customerUpdate = input.customer_update;
  if (customerUpdate) {
    if (customerUpdate.enabled != null) features.customer_update.enabled = customerUpdate.enabled;
    if (customerUpdate.allowed_updates !== undefined)
      features.customer_update.allowed_updates = customerUpdate.allowed_updates ?? [];
  }
  if (input.invoice_history) features.invoice_history.enabled = input.invoice_history.enabled;
  const paymentMethodUpdate = input.payment_method_update;
  if (paymentMethodUpdate) {
    features.payment_method_update.enabled = paymentMethodUpdate.enabled;
    if (paymentMethodUpdate.payment_method_configuration !== undefined) {
      features.payment_method_update.payment_method_configuration = paymentMethodUpdate.payment_method_configuration;
    }
  }
  if (input.subscription_cancel) applyCancelFeature(features.subscription_cancel, input.subscription_cancel);
  if (input.subscription_pause?.enabled != null) features.subscription_pause.enabled = input.subscription_pause.enabled;
  if (input.subscription_update) applyUpdateFeature(ctx, features.subscription_update, input.subscription_update);
}

function applyCancelFeature(feature: CancelFeature, input: NonNullable<FeaturesInput['subscription_cancel']>): void {
  if (input.enabled != null) feature.enabled = input.enabled;
  if (input.mode) feature.mode = input.mode;
  if (input.proration_behavior) feature.proration_behavior = input.proration_behavior;
  const reason = input.cancellation_reason;
  if (reason) {
    feature.cancellation_reason.enabled = reason.enabled;
    if (reason.options !== undefined) feature.cancellation_reason.options = reason.options ?? [];
    if (reason.feedback_options !== undefined) feature.cancellation_reason.feedback_options = reason.feedback_options;
  }
}

function applyUpdateFeature(
  ctx: BillingContext,
  feature: UpdateFeature,
  input: NonNullable<FeaturesInput['subscription_update']>,
): void {
  if (input.enabled != null) feature.enabled = input.enabled;
  if (input.default_allowed_updates !== undefined)
    feature.default_allowed_updates = input.default_allowed_updates ?? [];
  if (input.proration_behavior) feature.proration_behavior = input.proration_behavior;
  if (input.billing_cycle_anchor) feature.billing_cycle_anchor = input.billing_cycle_anchor;
  if (input.trial_update_behavior) feature.trial_update_behavior = input.trial_update_behavior;
  if (input.schedule_at_period_end) {
    feature.schedule_at_period_end = {
      conditions: (input.schedule_at_period_end.conditions ?? []).map((condition) => ({ type: condition.type })),
    };
  }
  if (input.products !== undefined) feature.products = portalProducts(ctx, input.products ?? []);
}

function portalProducts(
  ctx: BillingContext,
  input: NonNullable<NonNullable<FeaturesInput['subscription_update']>['products']>,
): NonNullable<UpdateFeature['products']> {
  const param = 'features[subscription_update][products]';
  if (input.length > MAX_PRODUCTS) throw invalidParameter(param, `You can pass at most ${MAX_PRODUCTS} products.`);
  const seen = new Set<string>();
  return input.map((entry, index) => {
    const productParam = `${param}[${index}][product]`;
    const product = ctx.store.products.get(entry.product, productParam);
    if (seen.has(product.id))
      throw invalidParameter(productParam, `The product \`${product.id}\` is listed more than once.`);
    seen.add(product.id);
    if (entry.prices.length === 0)
      throw invalidParameter(`${param}[${index}][prices]`, 'Each product needs at least one price.');
    const prices = entry.prices.map((priceId, priceIndex) => {
      const priceParam = `${param}[${index}][prices][${priceIndex}]`;
      const price = recurringPrice(ctx, priceId, priceParam);
      if (idOf(price.product) !== product.id) {
        throw invalidParameter(
          priceParam,
          `The price \`${price.id}\` does not belong to the product \`${product.id}\`.`,
        );
      }
      return price.id;
    });
    const quantity = entry.adjustable_quantity;
    return {
      adjustable_quantity: {
        enabled: quantity?.enabled ?? false,
        maximum: quantity?.maximum ?? null,
        minimum: quantity?.minimum ?? 1,
      },
      prices,
      product: product.id,
    };
  });
}

/** Rules Stripe checks on the configuration as a whole, whichever request made it so. */
function assertConsistent(features: Features): void {
  if (features.subscription_update.enabled && !features.payment_method_update.enabled) {
    throw invalidParameter(
      'features[subscription_update][enabled]',
      'Cannot enable subscription updates while payment method update is disabled.',
    );
  }
  const cancel = features.subscription_cancel;
  if (cancel.proration_behavior === 'always_invoice') {
    throw invalidParameter(
      'features[subscription_cancel][proration_behavior]',
      'Invalid proration_behavior: must be one of create_prorations, none',
    );
  }
  if (cancel.proration_behavior === 'create_prorations' && cancel.mode !== 'immediately') {
    throw invalidParameter(
      'features[subscription_cancel][proration_behavior]',
      'Prorations can only be created when subscriptions are canceled immediately (`mode=immediately`).',
    );
  }
}

function validUrl(value: string | null, param: string): string | null {
  if (value === null) return null;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw invalidParameter(param, 'Not a valid URL', 'url_invalid');
  return value;
}
