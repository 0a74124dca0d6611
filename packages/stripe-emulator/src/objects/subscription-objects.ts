import type Stripe from 'stripe';
import { planViewOf, type PriceObject } from './catalog-objects.js';
import { fromTemplate } from './templates.js';
import type { Metadata, Wire } from './wire.js';

export type SubscriptionObject = Wire<Stripe.Subscription>;
export type SubscriptionItemObject = Wire<Stripe.SubscriptionItem>;

export function buildSubscriptionItem(values: {
  id: string;
  created: number;
  subscription: string;
  price: PriceObject;
  quantity: number;
  periodStart: number;
  periodEnd: number;
  metadata: Metadata;
}): SubscriptionItemObject {
  return fromTemplate<Stripe.SubscriptionItem>('subscription_item', {
    id: values.id,
    created: values.created,
    billing_thresholds: null,
    current_period_start: values.periodStart,
    current_period_end: values.periodEnd,
    discounts: [],
    metadata: values.metadata,
    plan: planViewOf(values.price),
    price: values.price,
    quantity: values.quantity,
    subscription: values.subscription,
    tax_rates: [],
  });
}

export function buildSubscription(values: {
  id: string;
  created: number;
  customer: string;
  currency: string;
  items: SubscriptionItemObject[];
  status: Stripe.Subscription.Status;
  defaultPaymentMethod: string | null;
  metadata: Metadata;
  description: string | null;
  trialStart: number | null;
  trialEnd: number | null;
  testClock: string | null;
  /** Stripe's default for new subscriptions since 2025-09-30 is `flexible`. */
  billingMode: Stripe.Subscription.BillingMode.Type;
  prorationDiscounts: Stripe.Subscription.BillingMode.Flexible.ProrationDiscounts;
}): SubscriptionObject {
  return fromTemplate<Stripe.Subscription>('subscription', {
    id: values.id,
    created: values.created,
    application: null,
    application_fee_percent: null,
    automatic_tax: { enabled: false, liability: null, disabled_reason: null },
    billing_cycle_anchor: values.items[0]?.current_period_start ?? values.created,
    billing_cycle_anchor_config: null,
    billing_mode:
      values.billingMode === 'flexible'
        ? { type: 'flexible', flexible: { proration_discounts: values.prorationDiscounts }, updated_at: values.created }
        : { type: 'classic', flexible: null },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: 'charge_automatically',
    currency: values.currency,
    customer: values.customer,
    customer_account: null,
    days_until_due: null,
    default_payment_method: values.defaultPaymentMethod,
    default_source: null,
    default_tax_rates: [],
    description: values.description,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: 'self' },
    },
    items: {
      object: 'list',
      data: values.items,
      has_more: false,
      url: `/v1/subscription_items?subscription=${values.id}`,
    },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: values.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: values.created,
    status: values.status,
    test_clock: values.testClock,
    transfer_data: null,
    trial_end: values.trialEnd,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: 'create_invoice' } },
    trial_start: values.trialStart,
  });
}
