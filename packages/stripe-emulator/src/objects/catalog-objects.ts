import type Stripe from 'stripe';
import { fromTemplate } from './templates.js';
import type { Metadata, Wire } from './wire.js';

export type ProductObject = Wire<Stripe.Product>;
export type PriceObject = Wire<Stripe.Price>;

export function buildProduct(values: {
  id: string;
  created: number;
  name: string;
  description: string | null;
  metadata: Metadata;
  active: boolean;
}): ProductObject {
  return fromTemplate<Stripe.Product>('product', {
    ...values,
    default_price: null,
    images: [],
    livemode: false,
    marketing_features: [],
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    unit_label: null,
    updated: values.created,
    url: null,
    type: 'service',
  });
}

export function buildPrice(values: {
  id: string;
  created: number;
  product: string;
  currency: string;
  unitAmount: number;
  recurring: { interval: Stripe.Price.Recurring.Interval; interval_count: number } | null;
  lookupKey: string | null;
  nickname: string | null;
  metadata: Metadata;
  active: boolean;
}): PriceObject {
  return fromTemplate<Stripe.Price>('price', {
    id: values.id,
    created: values.created,
    active: values.active,
    billing_scheme: 'per_unit',
    currency: values.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: values.lookupKey,
    metadata: values.metadata,
    nickname: values.nickname,
    product: values.product,
    recurring: values.recurring
      ? { ...values.recurring, meter: null, usage_type: 'licensed', trial_period_days: null }
      : null,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: values.recurring ? 'recurring' : 'one_time',
    unit_amount: values.unitAmount,
    unit_amount_decimal: String(values.unitAmount),
  });
}

/** The legacy `plan` view Stripe still embeds in subscription items. */
export function planViewOf(price: PriceObject): Wire<Stripe.Plan> {
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: 'per_unit',
    created: price.created,
    currency: price.currency,
    interval: price.recurring?.interval ?? 'month',
    interval_count: price.recurring?.interval_count ?? 1,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === 'string' ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: 'licensed',
  };
}
