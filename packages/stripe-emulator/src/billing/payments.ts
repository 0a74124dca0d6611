import type Stripe from 'stripe';
import { cardDeclined, invalidParameter, StripeApiError } from '../http/errors.js';
import { ID_PREFIX, newId } from '../ids.js';
import type { InvoiceObject } from '../objects/invoice-objects.js';
import {
  buildCharge,
  buildInvoicePayment,
  buildPaymentIntent,
  buildRefund,
  type ChargeObject,
  type InvoicePaymentObject,
  type PaymentIntentObject,
  type RefundObject,
} from '../objects/payment-objects.js';
import type { EventBatch } from '../webhooks/event-bus.js';
import { idOf, mergeMetadata, type BillingContext } from './context.js';
import { formatAmount } from './subscription-lines.js';

export type ChargeOutcome = 'succeeded' | 'failed' | 'requires_action';

/**
 * What charging this payment method gives, as its test card decides. `authenticated`: the customer is
 * on a hosted page and completes 3-D Secure; elsewhere a card that needs it waits for that action.
 */
export function chargeOutcome(
  ctx: BillingContext,
  paymentMethodId: string | null,
  authenticated = false,
): ChargeOutcome {
  if (!paymentMethodId) return 'failed';
  switch (ctx.store.cardBehaviors.get(paymentMethodId) ?? 'succeeds') {
    case 'succeeds':
      return 'succeeded';
    case 'requires_authentication':
      return authenticated ? 'succeeded' : 'requires_action';
    case 'declined':
    case 'fails_charges':
      return 'failed';
  }
}

/** How Stripe describes the PaymentIntent of a subscription's invoice. */
const PAYMENT_DESCRIPTIONS: Record<string, string> = {
  subscription_create: 'Subscription creation',
  subscription_update: 'Subscription update',
  subscription_cycle: 'Subscription cycle',
};

function invoicePaymentOf(ctx: BillingContext, invoiceId: string): InvoicePaymentObject | undefined {
  return ctx.store.invoicePayments.all().find((payment) => payment.invoice === invoiceId && payment.is_default);
}

/**
 * The invoice's PaymentIntent, created at its first payment attempt with an `invoice_payment` linking
 * the two, as Stripe does; later attempts (retries, `invoices.pay`) reuse it.
 */
export function paymentIntentFor(
  ctx: BillingContext,
  invoice: InvoiceObject,
  now: number,
  events: EventBatch,
): PaymentIntentObject {
  const existing = invoicePaymentOf(ctx, invoice.id);
  const existingId = existing ? idOf(existing.payment.payment_intent) : null;
  if (existingId) return ctx.store.paymentIntents.get(existingId);
  const customer = idOf(invoice.customer) ?? '';
  const intent = ctx.store.paymentIntents.insert(
    buildPaymentIntent({
      id: newId(ID_PREFIX.paymentIntent),
      created: now,
      amount: invoice.amount_due,
      currency: invoice.currency,
      customer,
      description: PAYMENT_DESCRIPTIONS[invoice.billing_reason ?? ''] ?? null,
      paymentMethod: null,
      receiptEmail: invoice.customer_email,
    }),
  );
  ctx.store.invoicePayments.insert(
    buildInvoicePayment({
      id: newId(ID_PREFIX.invoicePayment),
      created: now,
      invoice: invoice.id,
      amountRequested: invoice.amount_due,
      currency: invoice.currency,
      paymentIntent: intent.id,
    }),
  );
  events.add('payment_intent.created', intent);
  return intent;
}

/**
 * Charges an invoice's amount due to a card: a Charge on the invoice's PaymentIntent, succeeded or
 * failed as the card decides, or no charge yet while 3-D Secure is awaited (`requires_action`).
 */
export function chargeInvoice(
  ctx: BillingContext,
  invoice: InvoiceObject,
  paymentMethodId: string | null,
  now: number,
  events: EventBatch,
  authenticated = false,
): ChargeOutcome {
  const intent = paymentIntentFor(ctx, invoice, now, events);
  const outcome = chargeOutcome(ctx, paymentMethodId, authenticated);
  const succeeded = outcome === 'succeeded';
  const paymentMethod = paymentMethodId ? ctx.store.paymentMethods.find(paymentMethodId) : undefined;
  intent.payment_method = paymentMethodId;
  if (!paymentMethod) {
    intent.last_payment_error = declineError(
      null,
      'This customer has no attached payment source or default payment method.',
    );
    events.add('payment_intent.payment_failed', intent);
    return 'failed';
  }
  if (outcome === 'requires_action') {
    intent.status = 'requires_action';
    intent.last_payment_error = null;
    intent.next_action = {
      type: 'use_stripe_sdk',
      use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: `${ctx.publicUrl}/invoice/${invoice.id}` },
    };
    events.add('payment_intent.requires_action', intent);
    return 'requires_action';
  }
  const charge = ctx.store.charges.insert(
    buildCharge({
      id: newId(ID_PREFIX.charge),
      created: now,
      amount: invoice.amount_due,
      currency: invoice.currency,
      customer: idOf(invoice.customer) ?? '',
      description: intent.description,
      paymentIntent: intent.id,
      paymentMethod,
      succeeded,
      receiptEmail: invoice.customer_email,
      receiptUrl: `${ctx.publicUrl}/receipt/${intent.id}`,
    }),
  );
  intent.latest_charge = charge.id;
  if (!succeeded) {
    intent.status = 'requires_payment_method';
    intent.last_payment_error = declineError(paymentMethod.id, 'Your card was declined.', charge.id);
    events.add('charge.failed', charge).add('payment_intent.payment_failed', intent);
    return 'failed';
  }
  intent.status = 'succeeded';
  intent.next_action = null;
  intent.amount = invoice.amount_due;
  intent.amount_received = invoice.amount_due;
  intent.last_payment_error = null;
  const invoicePayment = invoicePaymentOf(ctx, invoice.id);
  if (invoicePayment) {
    invoicePayment.status = 'paid';
    invoicePayment.amount_paid = invoice.amount_due;
    invoicePayment.status_transitions.paid_at = now;
  }
  events.add('charge.succeeded', charge).add('payment_intent.succeeded', intent);
  return 'succeeded';
}

/**
 * The error a call that charges at once answers when the charge did not go through: the decline, or
 * Stripe's `authentication_required` when 3-D Secure is awaited.
 */
export function chargeError(outcome: ChargeOutcome, paymentMethodId: string | null): StripeApiError {
  if (outcome !== 'requires_action') return cardDeclined(paymentMethodId);
  return new StripeApiError(402, 'card_error', 'Your card was declined. This transaction requires authentication.', {
    code: 'authentication_required',
    decline_code: 'authentication_required',
    ...(paymentMethodId ? { payment_method: { id: paymentMethodId, object: 'payment_method' as const } } : {}),
  });
}

/** The card error a failed attempt leaves on its PaymentIntent, as Stripe reports a generic decline. */
function declineError(
  paymentMethodId: string | null,
  message: string,
  chargeId?: string,
): PaymentIntentObject['last_payment_error'] {
  return {
    type: 'card_error',
    code: 'card_declined',
    decline_code: 'generic_decline',
    message,
    doc_url: 'https://stripe.com/docs/error-codes/card-declined',
    ...(chargeId ? { charge: chargeId } : {}),
    ...(paymentMethodId ? { payment_method: { id: paymentMethodId, object: 'payment_method' } } : {}),
  } as PaymentIntentObject['last_payment_error'];
}

/** A voided invoice's PaymentIntent is canceled and its invoice payment with it. */
export function cancelPaymentsOf(ctx: BillingContext, invoice: InvoiceObject, now: number, events: EventBatch): void {
  const invoicePayment = invoicePaymentOf(ctx, invoice.id);
  if (!invoicePayment || invoicePayment.status !== 'open') return;
  invoicePayment.status = 'canceled';
  invoicePayment.status_transitions.canceled_at = now;
  const intent = ctx.store.paymentIntents.find(idOf(invoicePayment.payment.payment_intent) ?? '');
  if (!intent) return;
  intent.status = 'canceled';
  intent.canceled_at = now;
  intent.cancellation_reason = 'void_invoice';
  events.add('payment_intent.canceled', intent);
}

export interface RefundInput {
  payment_intent?: string | null;
  charge?: string | null;
  amount?: number | null;
  reason?: Stripe.RefundCreateParams.Reason | null;
  metadata?: Record<string, string | null> | null;
}

/** The successful charge a refund request names, directly or through its PaymentIntent. */
function refundableCharge(ctx: BillingContext, input: RefundInput): ChargeObject {
  if (input.charge) return ctx.store.charges.get(input.charge, 'charge');
  if (!input.payment_intent) {
    throw new StripeApiError(
      400,
      'invalid_request_error',
      'One of the following params should be provided for this request: payment_intent or charge.',
      {
        code: 'parameter_missing',
      },
    );
  }
  const intent = ctx.store.paymentIntents.get(input.payment_intent, 'payment_intent');
  const charge = intent.status === 'succeeded' ? ctx.store.charges.find(idOf(intent.latest_charge) ?? '') : undefined;
  if (!charge) {
    throw invalidParameter(
      'payment_intent',
      `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
      'charge_not_refundable',
    );
  }
  return charge;
}

/** `refunds.create`: refunds all or part of what a charge has not refunded yet. */
export function createRefund(ctx: BillingContext, input: RefundInput, events: EventBatch): RefundObject {
  const charge = refundableCharge(ctx, input);
  if (charge.refunded) {
    throw new StripeApiError(400, 'invalid_request_error', `Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
    });
  }
  const remaining = charge.amount_captured - charge.amount_refunded;
  const amount = input.amount ?? remaining;
  if (amount <= 0) throw invalidParameter('amount', 'Invalid positive integer', 'parameter_invalid_integer');
  if (amount > remaining) {
    const limit = charge.amount_refunded > 0 ? 'unrefunded amount on charge' : 'charge amount';
    throw new StripeApiError(
      400,
      'invalid_request_error',
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than ${limit} (${formatAmount(remaining, charge.currency)})`,
      { param: 'amount' },
    );
  }
  const customer = idOf(charge.customer);
  const refund = ctx.store.refunds.insert(
    buildRefund({
      id: newId(ID_PREFIX.refund),
      created: ctx.clock.forCustomer(customer),
      amount,
      currency: charge.currency,
      charge: charge.id,
      customer,
      paymentIntent: idOf(charge.payment_intent),
      paymentMethod: idOf(charge.payment_method),
      reason: input.reason ?? null,
      metadata: mergeMetadata({}, input.metadata),
    }),
  );
  const before = structuredClone(charge);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded >= charge.amount_captured;
  if (charge.refunds) charge.refunds.data = [refund, ...charge.refunds.data];
  events.add('refund.created', refund).add('charge.refunded', charge, {
    amount_refunded: before.amount_refunded,
    refunded: before.refunded,
    refunds: before.refunds,
  });
  return refund;
}
