import type Stripe from 'stripe';
import { fromTemplate } from './templates.js';
import type { Metadata, Wire } from './wire.js';

export type CustomerObject = Wire<Stripe.Customer>;
export type PaymentMethodObject = Wire<Stripe.PaymentMethod>;

export function buildCustomer(values: {
  id: string;
  created: number;
  email: string | null;
  name: string | null;
  description: string | null;
  phone: string | null;
  metadata: Metadata;
  testClock: string | null;
  invoicePrefix: string;
}): CustomerObject {
  return fromTemplate<Stripe.Customer>('customer', {
    id: values.id,
    created: values.created,
    address: null,
    balance: 0,
    currency: null,
    default_source: null,
    delinquent: false,
    description: values.description,
    discount: null,
    email: values.email,
    invoice_prefix: values.invoicePrefix,
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: values.metadata,
    name: values.name,
    next_invoice_sequence: 1,
    phone: values.phone,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: values.testClock,
    customer_account: null,
  });
}

export interface CardDetails {
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  fingerprint: string;
}

export function buildPaymentMethod(values: {
  id: string;
  created: number;
  card: CardDetails;
  billingDetails: Wire<Stripe.PaymentMethod.BillingDetails>;
  metadata: Metadata;
}): PaymentMethodObject {
  return fromTemplate<Stripe.PaymentMethod>('payment_method', {
    id: values.id,
    created: values.created,
    allow_redisplay: 'unspecified',
    billing_details: values.billingDetails,
    card: {
      brand: values.card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: 'US',
      display_brand: values.card.brand,
      exp_month: values.card.expMonth,
      exp_year: values.card.expYear,
      fingerprint: values.card.fingerprint,
      funding: 'credit',
      generated_from: null,
      last4: values.card.last4,
      networks: { available: [values.card.brand], preferred: null },
      three_d_secure_usage: { supported: true },
      wallet: null,
      regulated_status: 'unregulated',
    },
    customer: null,
    livemode: false,
    metadata: values.metadata,
    type: 'card',
    customer_account: null,
  });
}

export function emptyBillingDetails(): Wire<Stripe.PaymentMethod.BillingDetails> {
  return {
    address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
    email: null,
    name: null,
    phone: null,
    tax_id: null,
  };
}
