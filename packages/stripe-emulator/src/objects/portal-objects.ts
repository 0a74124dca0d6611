import type Stripe from 'stripe';
import type { Metadata, Wire } from './wire.js';

export type PortalConfigurationObject = Wire<Stripe.BillingPortal.Configuration>;
export type PortalFeatures = PortalConfigurationObject['features'];

/**
 * What a configuration offers when a feature is not sent at creation: every feature off, cancellation
 * at period end without prorations, downgrades applied at once (Stripe's documented defaults).
 */
export function defaultPortalFeatures(): PortalFeatures {
  return {
    customer_update: { allowed_updates: [], enabled: false },
    invoice_history: { enabled: false },
    payment_method_update: { enabled: false, payment_method_configuration: null },
    subscription_cancel: {
      cancellation_reason: { enabled: false, feedback_options: null, options: [] },
      enabled: false,
      mode: 'at_period_end',
      proration_behavior: 'none',
    },
    subscription_pause: {
      duration: { interval_options: [{ interval: 'month', interval_count: 1 }], type: 'interval_options' },
      enabled: false,
    },
    subscription_update: {
      billing_cycle_anchor: null,
      default_allowed_updates: [],
      enabled: false,
      products: [],
      proration_behavior: 'none',
      schedule_at_period_end: { conditions: [] },
      trial_update_behavior: 'end_trial',
    },
  };
}

export function buildPortalConfiguration(values: {
  id: string;
  created: number;
  features: PortalFeatures;
  businessProfile: PortalConfigurationObject['business_profile'];
  defaultReturnUrl: string | null;
  isDefault: boolean;
  metadata: Metadata;
  name: string | null;
}): PortalConfigurationObject {
  return {
    id: values.id,
    object: 'billing_portal.configuration',
    active: true,
    application: null,
    business_profile: values.businessProfile,
    created: values.created,
    default_return_url: values.defaultReturnUrl,
    features: values.features,
    is_default: values.isDefault,
    livemode: false,
    login_page: { enabled: false, url: null },
    metadata: values.metadata,
    name: values.name,
    updated: values.created,
  };
}

/**
 * The configuration as the API returns it: `features.subscription_update.products` is an includable
 * field since 2024, sent only when asked for with `expand[]`.
 */
export function portalConfigurationView(
  configuration: PortalConfigurationObject,
  includeProducts: boolean,
): PortalConfigurationObject {
  if (includeProducts) return configuration;
  const { products: _products, ...update } = configuration.features.subscription_update;
  return { ...configuration, features: { ...configuration.features, subscription_update: update } };
}
