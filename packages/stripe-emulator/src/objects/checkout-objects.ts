import type Stripe from 'stripe';
import { fromTemplate } from './templates.js';
import type { Metadata, Wire } from './wire.js';

export type CheckoutSessionObject = Wire<Stripe.Checkout.Session>;
export type CheckoutLineItemObject = Wire<Stripe.LineItem>;

export function buildCheckoutSession(values: {
  id: string;
  created: number;
  mode: Stripe.Checkout.Session.Mode;
  url: string;
  successUrl: string | null;
  cancelUrl: string | null;
  customer: string | null;
  customerEmail: string | null;
  clientReferenceId: string | null;
  metadata: Metadata;
  currency: string;
  amountSubtotal: number;
  amountTotal: number;
  locale: string | null;
}): CheckoutSessionObject {
  return fromTemplate<Stripe.Checkout.Session>('checkout.session', {
    id: values.id,
    created: values.created,
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: values.amountSubtotal,
    amount_total: values.amountTotal,
    automatic_tax: { enabled: false, liability: null, status: null, provider: null },
    billing_address_collection: null,
    cancel_url: values.cancelUrl,
    client_reference_id: values.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    currency: values.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: values.customer,
    customer_account: null,
    customer_creation: values.customer ? null : values.mode === 'subscription' ? 'always' : 'if_required',
    customer_details: null,
    customer_email: values.customerEmail,
    discounts: [],
    expires_at: values.created + 24 * 3600,
    integration_identifier: null,
    invoice: null,
    invoice_creation: values.mode === 'payment' ? { enabled: false, invoice_data: emptyInvoiceData() } : null,
    livemode: false,
    locale: values.locale as CheckoutSessionObject['locale'],
    managed_payments: null,
    metadata: values.metadata,
    mode: values.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: values.mode === 'subscription' ? 'always' : null,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    payment_status: 'unpaid',
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: 'open',
    submit_type: null,
    subscription: null,
    success_url: values.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: 'hosted',
    url: values.url,
    wallet_options: null,
  });
}

function emptyInvoiceData(): Wire<Stripe.Checkout.Session.InvoiceCreation.InvoiceData> {
  return {
    account_tax_ids: null,
    custom_fields: null,
    description: null,
    footer: null,
    issuer: null,
    metadata: null,
    rendering_options: null,
  };
}

export function buildCheckoutLineItem(values: {
  id: string;
  price: Wire<Stripe.Price>;
  quantity: number;
  description: string;
}): CheckoutLineItemObject {
  const amount = (values.price.unit_amount ?? 0) * values.quantity;
  return {
    id: values.id,
    object: 'item',
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: values.price.currency,
    description: values.description,
    metadata: {},
    price: values.price,
    quantity: values.quantity,
  };
}
