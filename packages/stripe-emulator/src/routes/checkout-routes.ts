import { completeCheckout, createCheckoutSession } from '../billing/checkout.js';
import { idOf } from '../billing/context.js';
import { createCardPaymentMethod, resolvePaymentMethod } from '../billing/payment-methods.js';
import { assertNotDeclined, cardFromNumber } from '../billing/test-cards.js';
import { invalidParameter, invalidState } from '../http/errors.js';
import { paginate } from '../http/pagination.js';
import { any, arr, bool, hash, int, obj, str } from '../http/params.js';
import { listParams, pathParam, route, type ApiRoute, type RouteContext } from '../http/route.js';
import { listOf } from '../objects/wire.js';

/** Options Stripe accepts that change nothing in the emulator's hosted page. */
const presentationOptions = {
  allow_promotion_codes: bool(),
  billing_address_collection: str({ enum: ['auto', 'required'] }),
  customer_creation: str({ enum: ['always', 'if_required'] }),
  customer_update: any(),
  payment_method_types: arr(str()),
  payment_method_collection: str({ enum: ['always', 'if_required'] }),
  payment_intent_data: any(),
  phone_number_collection: any(),
  tax_id_collection: any(),
  automatic_tax: any(),
  consent_collection: any(),
  custom_text: any(),
  ui_mode: str({ enum: ['hosted'] }),
  expires_at: int(),
  submit_type: str(),
} as const;

function sessionOf(ctx: RouteContext) {
  return ctx.billing.store.checkoutSessions.get(pathParam(ctx, 'id'), 'session');
}

/** Stripe CLI's `payment_pages` view of a session, used by the checkout trigger fixture. */
function paymentPageOf(ctx: RouteContext) {
  const session = sessionOf(ctx);
  return {
    id: session.id,
    object: 'checkout.session',
    session_id: session.id,
    mode: session.mode,
    status: session.status,
    payment_status: session.payment_status,
    currency: session.currency,
    amount_total: session.amount_total,
    line_items: listOf(
      ctx.billing.store.checkoutDetails.get(session.id)?.lineItems ?? [],
      `/v1/checkout/sessions/${session.id}/line_items`,
    ),
    customer: session.customer,
    customer_email: session.customer_email,
    success_url: session.success_url,
    cancel_url: session.cancel_url,
    livemode: false,
  };
}

export const checkoutRoutes: ApiRoute[] = [
  route(
    'POST',
    '/v1/checkout/sessions',
    {
      ...presentationOptions,
      mode: str({ required: true, enum: ['payment', 'subscription', 'setup'] }),
      line_items: arr(obj({ price: str({ required: true }), quantity: int(), adjustable_quantity: any() })),
      success_url: str(),
      cancel_url: str(),
      customer: str(),
      customer_email: str(),
      client_reference_id: str(),
      metadata: hash(),
      subscription_data: obj({ metadata: hash(), trial_period_days: int(), description: str() }),
      locale: str(),
    },
    (params, { billing }) => createCheckoutSession(billing, params),
  ),
  route('GET', '/v1/checkout/sessions/:id', {}, (_params, ctx) => sessionOf(ctx)),
  route('GET', '/v1/checkout/sessions/:id/line_items', { ...listParams }, (params, ctx) => {
    const session = sessionOf(ctx);
    return paginate(
      ctx.billing.store.checkoutDetails.get(session.id)?.lineItems ?? [],
      params,
      `/v1/checkout/sessions/${session.id}/line_items`,
    );
  }),
  route('POST', '/v1/checkout/sessions/:id/expire', {}, (_params, ctx) => {
    const session = sessionOf(ctx);
    if (session.status !== 'open')
      throw invalidState(`Only Checkout Sessions with a status in ["open"] can be expired.`);
    session.status = 'expired';
    session.url = null;
    ctx.billing.bus.emit('checkout.session.expired', session);
    return session;
  }),
  route(
    'GET',
    '/v1/checkout/sessions',
    { ...listParams, customer: str(), subscription: str(), status: str() },
    (params, { billing }) =>
      paginate(
        billing.store.checkoutSessions.newestFirst(
          (session) =>
            (!params.customer || idOf(session.customer) === params.customer) &&
            (!params.subscription || idOf(session.subscription) === params.subscription) &&
            (!params.status || session.status === params.status),
        ),
        params,
        '/v1/checkout/sessions',
      ),
  ),
  route(
    'POST',
    '/v1/test_helpers/checkout/sessions/:id/complete',
    { card_number: str(), email: str(), name: str() },
    (params, ctx) => {
      const session = sessionOf(ctx);
      if (session.status !== 'open') throw invalidState('This Checkout Session is no longer active.');
      const card = cardFromNumber(params.card_number ?? '4242424242424242');
      assertNotDeclined(card.behavior);
      const paymentMethod = createCardPaymentMethod(ctx.billing, card, {
        email: params.email ?? null,
        name: params.name ?? null,
      });
      return completeCheckout(ctx.billing, session, paymentMethod, {
        email: params.email ?? null,
        name: params.name ?? null,
      });
    },
  ),
  route('GET', '/v1/payment_pages/:id', {}, (_params, ctx) => paymentPageOf(ctx)),
  route(
    'POST',
    '/v1/payment_pages/:id/confirm',
    {
      payment_method: str({ required: true }),
      expected_amount: int(),
      expected_payment_method_type: str(),
      email: str(),
    },
    (params, ctx) => {
      const session = sessionOf(ctx);
      if (params.expected_amount != null && params.expected_amount !== session.amount_total) {
        throw invalidParameter(
          'expected_amount',
          `The expected amount ${params.expected_amount} does not match the session's total ${session.amount_total}.`,
        );
      }
      const paymentMethod = resolvePaymentMethod(ctx.billing, params.payment_method, 'payment_method');
      const email = params.email ?? paymentMethod.billing_details.email;
      completeCheckout(ctx.billing, session, paymentMethod, { email, name: paymentMethod.billing_details.name });
      return paymentPageOf(ctx);
    },
  ),
];
