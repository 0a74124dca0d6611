import type Stripe from 'stripe';
import { fromTemplate } from './templates.js';
import type { Metadata, Wire } from './wire.js';

export type SubscriptionScheduleObject = Wire<Stripe.SubscriptionSchedule>;
export type SchedulePhaseObject = Wire<Stripe.SubscriptionSchedule.Phase>;

export interface PhaseItemValues {
  price: string;
  quantity: number;
  metadata: Metadata;
}

export function buildSchedulePhase(values: {
  startDate: number;
  endDate: number;
  currency: string;
  items: PhaseItemValues[];
  metadata: Metadata;
  prorationBehavior: Stripe.SubscriptionSchedule.Phase.ProrationBehavior;
  trialEnd: number | null;
}): SchedulePhaseObject {
  return {
    add_invoice_items: [],
    application_fee_percent: null,
    billing_cycle_anchor: null,
    billing_thresholds: null,
    collection_method: null,
    currency: values.currency,
    default_payment_method: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    end_date: values.endDate,
    invoice_settings: null,
    // A phase names its prices by id; `plan` mirrors `price` as in Stripe's responses.
    items: values.items.map((item) => ({
      billing_thresholds: null,
      discounts: [],
      metadata: item.metadata,
      plan: item.price,
      price: item.price,
      quantity: item.quantity,
      tax_rates: [],
    })),
    metadata: values.metadata,
    on_behalf_of: null,
    proration_behavior: values.prorationBehavior,
    start_date: values.startDate,
    transfer_data: null,
    trial_end: values.trialEnd,
  };
}

export function buildSubscriptionSchedule(values: {
  id: string;
  created: number;
  customer: string;
  subscription: string;
  phases: SchedulePhaseObject[];
  currentPhase: { start_date: number; end_date: number } | null;
  billingMode: Wire<Stripe.SubscriptionSchedule.BillingMode>;
  defaultPaymentMethod: string | null;
  description: string | null;
  testClock: string | null;
}): SubscriptionScheduleObject {
  return fromTemplate<Stripe.SubscriptionSchedule>('subscription_schedule', {
    id: values.id,
    created: values.created,
    application: null,
    billing_mode: values.billingMode,
    canceled_at: null,
    completed_at: null,
    current_phase: values.currentPhase,
    customer: values.customer,
    customer_account: null,
    default_settings: {
      application_fee_percent: null,
      automatic_tax: { enabled: false, liability: null, disabled_reason: null },
      billing_cycle_anchor: 'automatic',
      billing_thresholds: null,
      collection_method: 'charge_automatically',
      default_payment_method: values.defaultPaymentMethod,
      description: values.description,
      invoice_settings: {
        account_tax_ids: null,
        custom_fields: null,
        days_until_due: null,
        description: null,
        footer: null,
        issuer: { type: 'self' },
      },
      on_behalf_of: null,
      transfer_data: null,
    },
    end_behavior: 'release',
    livemode: false,
    metadata: {},
    pause_schedules: [],
    phases: values.phases,
    released_at: null,
    released_subscription: null,
    status: 'active',
    subscription: values.subscription,
    test_clock: values.testClock,
  });
}
