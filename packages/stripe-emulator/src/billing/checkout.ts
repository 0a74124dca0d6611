import type Stripe from 'stripe';
import { cardDeclined, invalidParameter, invalidState } from '../http/errors.js';
import { ID_PREFIX, newCheckoutSessionId, newId } from '../ids.js';
import {
  buildCheckoutLineItem,
  buildCheckoutSession,
  type CheckoutSessionObject,
} from '../objects/checkout-objects.js';
import type { PaymentMethodObject } from '../objects/customer-objects.js';
import { EventBatch } from '../webhooks/event-bus.js';
import { mergeMetadata, type BillingContext } from './context.js';
import { createCustomer } from './customers.js';
import { attachPaymentMethod } from './payment-methods.js';
import { productNameOf } from './subscription-lines.js';
import { createSubscription } from './subscriptions.js';

export interface CheckoutSessionInput {
  mode: Stripe.Checkout.Session.Mode;
  line_items?: { price: string; quantity?: number | null }[] | null;
  success_url?: string | null;
  cancel_url?: string | null;
  customer?: string | null;
  customer_email?: string | null;
  client_reference_id?: string | null;
  metadata?: Record<string, string | null> | null;
  subscription_data?: { metadata?: Record<string, string | null> | null; trial_period_days?: number | null } | null;
  locale?: string | null;
}

export function createCheckoutSession(ctx: BillingContext, input: CheckoutSessionInput): CheckoutSessionObject {
  if (input.customer) ctx.store.customers.get(input.customer, 'customer');
  const lineItems = (input.line_items ?? []).map((item, index) => {
    const param = `line_items[${index}][price]`;
    const price = ctx.store.prices.get(item.price, param);
    if (input.mode === 'payment' && price.recurring) {
      throw invalidParameter(
        param,
        'You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.',
      );
    }
    return buildCheckoutLineItem({
      id: newId('li_', 24),
      price,
      quantity: item.quantity ?? 1,
      description: productNameOf(ctx, price),
    });
  });
  if (input.mode !== 'setup' && lineItems.length === 0)
    throw invalidParameter('line_items', 'Missing required param: line_items.', 'parameter_missing');
  if (input.mode === 'subscription' && !lineItems.some((item) => item.price?.recurring)) {
    throw invalidParameter(
      'line_items',
      'You must provide at least one recurring price in `subscription` mode when using prices.',
    );
  }
  const id = newCheckoutSessionId();
  const subtotal = lineItems.reduce((sum, item) => sum + item.amount_subtotal, 0);
  const session = buildCheckoutSession({
    id,
    created: ctx.clock.forCustomer(input.customer ?? null),
    mode: input.mode,
    url: `${ctx.publicUrl}/checkout/${id}`,
    successUrl: input.success_url ?? null,
    cancelUrl: input.cancel_url ?? null,
    customer: input.customer ?? null,
    customerEmail: input.customer_email ?? null,
    clientReferenceId: input.client_reference_id ?? null,
    metadata: mergeMetadata({}, input.metadata),
    currency: lineItems[0]?.currency ?? 'usd',
    amountSubtotal: subtotal,
    amountTotal: subtotal,
    locale: input.locale ?? null,
  });
  ctx.store.checkoutDetails.set(id, {
    lineItems,
    subscriptionMetadata: mergeMetadata({}, input.subscription_data?.metadata),
    trialPeriodDays: input.subscription_data?.trial_period_days ?? null,
  });
  return ctx.store.checkoutSessions.insert(session);
}

/** Stripe substitutes the session id into `success_url`, so the return page can look it up. */
export function successUrlOf(session: CheckoutSessionObject): string | null {
  return session.success_url?.replaceAll('{CHECKOUT_SESSION_ID}', session.id) ?? null;
}

export interface Buyer {
  email: string | null;
  name: string | null;
}

/**
 * Pays an open session with a payment method, as the hosted page, the test helper and
 * `payment_pages/…/confirm` all do: creates the customer if needed, the subscription and its paid
 * first invoice (subscription mode), then completes the session and sends `checkout.session.completed`.
 */
export function completeCheckout(
  ctx: BillingContext,
  session: CheckoutSessionObject,
  paymentMethod: PaymentMethodObject,
  buyer: Buyer,
): CheckoutSessionObject {
  if (session.status !== 'open') throw invalidState('This Checkout Session is no longer active.');
  const behavior = ctx.store.cardBehaviors.get(paymentMethod.id) ?? 'succeeds';
  const details = ctx.store.checkoutDetails.get(session.id);
  // A card whose charges fail (0341) is declined on the page whenever something is due today.
  const dueToday = session.mode !== 'setup' && (session.amount_total ?? 0) > 0 && !details?.trialPeriodDays;
  if (behavior === 'declined' || (dueToday && behavior === 'fails_charges')) throw cardDeclined(paymentMethod.id);
  const email = buyer.email ?? session.customer_email;
  const events = new EventBatch();
  let customerId = typeof session.customer === 'string' ? session.customer : (session.customer?.id ?? null);
  if (!customerId && session.mode !== 'payment') {
    customerId = createCustomer(ctx, { email, name: buyer.name }).id;
  }
  if (customerId) attachPaymentMethod(ctx, paymentMethod, customerId);
  if (session.mode === 'subscription' && customerId) {
    const subscription = createSubscription(
      ctx,
      {
        customer: customerId,
        items: (details?.lineItems ?? []).map((item) => ({ price: item.price?.id ?? '', quantity: item.quantity })),
        metadata: details?.subscriptionMetadata ?? {},
        default_payment_method: paymentMethod.id,
        trial_period_days: details?.trialPeriodDays ?? null,
      },
      events,
      // The buyer is on the hosted page: a card asking for 3-D Secure is authenticated there.
      true,
    );
    session.subscription = subscription.id;
    session.invoice = typeof subscription.latest_invoice === 'string' ? subscription.latest_invoice : null;
  }
  if (session.mode === 'payment') session.payment_intent = newId(ID_PREFIX.paymentIntent);
  const customer = customerId ? ctx.store.customers.get(customerId) : null;
  session.customer = customerId;
  session.status = 'complete';
  // Stripe: `url` is only present while the session is open.
  session.url = null;
  session.payment_status = session.amount_total === 0 || details?.trialPeriodDays ? 'no_payment_required' : 'paid';
  session.customer_details = {
    address: null,
    business_name: null,
    email: email ?? customer?.email ?? null,
    individual_name: null,
    name: buyer.name ?? customer?.name ?? null,
    phone: null,
    tax_exempt: 'none',
    tax_ids: [],
  };
  events.add('checkout.session.completed', session);
  ctx.bus.publish(events);
  return session;
}
