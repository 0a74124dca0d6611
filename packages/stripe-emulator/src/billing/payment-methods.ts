import type Stripe from 'stripe';
import { invalidState } from '../http/errors.js';
import { ID_PREFIX, newId } from '../ids.js';
import { buildPaymentMethod, emptyBillingDetails, type PaymentMethodObject } from '../objects/customer-objects.js';
import type { Wire } from '../objects/wire.js';
import { idOf, mergeMetadata, type BillingContext } from './context.js';
import { assertNotDeclined, cardFromToken, isTestToken, type ResolvedCard } from './test-cards.js';

type BillingDetails = Wire<Stripe.PaymentMethod.BillingDetails>;
type Address = NonNullable<BillingDetails['address']>;
type AddressField = keyof Address;

export interface BillingDetailsInput {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: Partial<Record<AddressField, string | null>> | null;
}

function toBillingDetails(input: BillingDetailsInput): BillingDetails {
  const details = emptyBillingDetails();
  const address: Address = { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };
  for (const [field, value] of Object.entries(input.address ?? {})) {
    if (field in address) address[field as AddressField] = value ?? null;
  }
  return { ...details, name: input.name ?? null, email: input.email ?? null, phone: input.phone ?? null, address };
}

export function createCardPaymentMethod(
  ctx: BillingContext,
  card: ResolvedCard,
  billingDetails: BillingDetailsInput = {},
  metadata: Record<string, string | null> = {},
): PaymentMethodObject {
  const paymentMethod = buildPaymentMethod({
    id: newId(ID_PREFIX.paymentMethod),
    created: ctx.clock.now(),
    card: card.details,
    billingDetails: toBillingDetails(billingDetails),
    metadata: mergeMetadata({}, metadata),
  });
  ctx.store.cardBehaviors.set(paymentMethod.id, card.behavior);
  return ctx.store.paymentMethods.insert(paymentMethod);
}

/**
 * A payment method parameter: a stored `pm_…`, or one of Stripe's test ids (`pm_card_visa`, …), which
 * Stripe turns into a fresh payment method each time it is used.
 */
export function resolvePaymentMethod(ctx: BillingContext, value: string, param: string): PaymentMethodObject {
  if (isTestToken(value)) return createCardPaymentMethod(ctx, cardFromToken(value, param));
  return ctx.store.paymentMethods.get(value, param);
}

export function attachPaymentMethod(
  ctx: BillingContext,
  paymentMethod: PaymentMethodObject,
  customerId: string,
): PaymentMethodObject {
  ctx.store.customers.get(customerId, 'customer');
  const owner = idOf(paymentMethod.customer);
  if (owner === customerId) return paymentMethod;
  if (owner)
    throw invalidState('The payment method you provided has already been attached to a customer.', 'payment_method');
  const behavior = ctx.store.cardBehaviors.get(paymentMethod.id) ?? 'succeeds';
  // A declined card fails when it is first attached, as Stripe does, so nothing is saved.
  assertNotDeclined(behavior, paymentMethod.id);
  paymentMethod.customer = customerId;
  ctx.bus.emit('payment_method.attached', paymentMethod);
  return paymentMethod;
}

export function detachPaymentMethod(ctx: BillingContext, paymentMethod: PaymentMethodObject): PaymentMethodObject {
  const before = structuredClone(paymentMethod);
  paymentMethod.customer = null;
  ctx.bus.emit('payment_method.detached', paymentMethod, { customer: before.customer });
  return paymentMethod;
}
