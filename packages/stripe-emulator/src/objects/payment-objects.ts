import type Stripe from 'stripe';
import type { PaymentMethodObject } from './customer-objects.js';
import { fromTemplate } from './templates.js';
import type { Metadata, Wire } from './wire.js';

export type PaymentIntentObject = Wire<Stripe.PaymentIntent>;
export type ChargeObject = Wire<Stripe.Charge>;
export type RefundObject = Wire<Stripe.Refund>;
export type InvoicePaymentObject = Wire<Stripe.InvoicePayment>;

/** The PaymentIntent an invoice creates to collect its amount due (one per invoice, reused on retries). */
export function buildPaymentIntent(values: {
  id: string;
  created: number;
  amount: number;
  currency: string;
  customer: string;
  description: string | null;
  paymentMethod: string | null;
  receiptEmail: string | null;
}): PaymentIntentObject {
  return fromTemplate<Stripe.PaymentIntent>('payment_intent', {
    id: values.id,
    created: values.created,
    amount: values.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic',
    client_secret: `${values.id}_secret_${values.id.slice(3, 27)}`,
    confirmation_method: 'automatic',
    currency: values.currency,
    customer: values.customer,
    description: values.description,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: {},
    next_action: null,
    payment_method: values.paymentMethod,
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ['card'],
    processing: null,
    receipt_email: values.receiptEmail,
    shipping: null,
    status: 'requires_payment_method',
    transfer_data: null,
  });
}

/** One attempt to charge a card: `succeeded`, or `failed` with the decline Stripe reports. */
export function buildCharge(values: {
  id: string;
  created: number;
  amount: number;
  currency: string;
  customer: string;
  description: string | null;
  paymentIntent: string;
  paymentMethod: PaymentMethodObject;
  succeeded: boolean;
  receiptEmail: string | null;
  receiptUrl: string;
}): ChargeObject {
  const card = values.paymentMethod.card;
  return fromTemplate<Stripe.Charge>('charge', {
    id: values.id,
    created: values.created,
    amount: values.amount,
    amount_captured: values.succeeded ? values.amount : 0,
    amount_refunded: 0,
    balance_transaction: null,
    billing_details: values.paymentMethod.billing_details,
    calculated_statement_descriptor: 'ATTRIBUTION ANALYTICS',
    captured: values.succeeded,
    currency: values.currency,
    customer: values.customer,
    description: values.description,
    failure_code: values.succeeded ? null : 'card_declined',
    failure_message: values.succeeded ? null : 'Your card was declined.',
    fraud_details: {},
    livemode: false,
    metadata: {},
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: values.succeeded ? 'approved_by_network' : 'declined_by_network',
      reason: values.succeeded ? null : 'generic_decline',
      risk_level: 'normal',
      seller_message: values.succeeded
        ? 'Payment complete.'
        : 'The bank did not return any further details with this decline.',
      type: values.succeeded ? 'authorized' : 'issuer_declined',
    },
    paid: values.succeeded,
    payment_intent: values.paymentIntent,
    payment_method: values.paymentMethod.id,
    payment_method_details: {
      card: {
        amount_authorized: values.succeeded ? values.amount : null,
        authorization_code: null,
        brand: card?.brand ?? 'visa',
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
        country: 'US',
        electronic_commerce_indicator: null,
        exp_month: card?.exp_month ?? 12,
        exp_year: card?.exp_year ?? 2034,
        extended_authorization: { status: 'disabled' },
        fingerprint: card?.fingerprint ?? null,
        funding: 'credit',
        incremental_authorization: { status: 'unavailable' },
        installments: null,
        last4: card?.last4 ?? '',
        mandate: null,
        multicapture: { status: 'unavailable' },
        network: card?.brand ?? 'visa',
        network_token: { used: false },
        network_transaction_id: null,
        overcapture: { maximum_amount_capturable: values.amount, status: 'unavailable' },
        regulated_status: 'unregulated',
        three_d_secure: null,
        transaction_link_id: null,
        wallet: null,
      },
      type: 'card',
    },
    receipt_email: values.receiptEmail,
    receipt_number: null,
    receipt_url: values.succeeded ? values.receiptUrl : null,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${values.id}/refunds` },
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: values.succeeded ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  });
}

export function buildRefund(values: {
  id: string;
  created: number;
  amount: number;
  currency: string;
  charge: string;
  customer: string | null;
  paymentIntent: string | null;
  paymentMethod: string | null;
  reason: Stripe.Refund.Reason | null;
  metadata: Metadata;
}): RefundObject {
  return fromTemplate<Stripe.Refund>('refund', {
    id: values.id,
    created: values.created,
    amount: values.amount,
    balance_transaction: null,
    charge: values.charge,
    currency: values.currency,
    customer: values.customer,
    customer_account: null,
    destination_details: {
      card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
      type: 'card',
    },
    metadata: values.metadata,
    payment_intent: values.paymentIntent,
    payment_method: values.paymentMethod,
    reason: values.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  });
}

/** Links an invoice to the PaymentIntent that collects it (`invoicePayments.list({ invoice })`). */
export function buildInvoicePayment(values: {
  id: string;
  created: number;
  invoice: string;
  amountRequested: number;
  currency: string;
  paymentIntent: string;
}): InvoicePaymentObject {
  return fromTemplate<Stripe.InvoicePayment>('invoice_payment', {
    id: values.id,
    created: values.created,
    amount_paid: null,
    amount_requested: values.amountRequested,
    currency: values.currency,
    invoice: values.invoice,
    is_default: true,
    livemode: false,
    payment: { type: 'payment_intent', payment_intent: values.paymentIntent },
    status: 'open',
    status_transitions: { canceled_at: null, paid_at: null },
  });
}
