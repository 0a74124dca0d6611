import { createCustomer, deleteCustomer, deletedCustomer, updateCustomer } from '../billing/customers.js';
import { idOf } from '../billing/context.js';
import {
  attachPaymentMethod,
  createCardPaymentMethod,
  detachPaymentMethod,
  resolvePaymentMethod,
} from '../billing/payment-methods.js';
import { cardFromNumber, cardFromToken } from '../billing/test-cards.js';
import { invalidParameter } from '../http/errors.js';
import { paginate } from '../http/pagination.js';
import { any, arr, hash, obj, str } from '../http/params.js';
import { listParams, pathParam, route, type ApiRoute } from '../http/route.js';

const customerFields = {
  email: str(),
  name: str(),
  description: str(),
  phone: str(),
  metadata: hash(),
  invoice_settings: obj({
    default_payment_method: str(),
    custom_fields: any(),
    footer: str(),
    rendering_options: any(),
  }),
  address: any(),
  shipping: any(),
  preferred_locales: arr(str()),
  tax_exempt: str({ enum: ['none', 'exempt', 'reverse'] }),
} as const;

const addressSpec = obj({ line1: str(), line2: str(), city: str(), state: str(), postal_code: str(), country: str() });
const billingDetailsSpec = obj({ email: str(), name: str(), phone: str(), address: addressSpec, tax_id: str() });

export const customerRoutes: ApiRoute[] = [
  // Only creation takes `payment_method`, as on Stripe; later cards are attached to the customer.
  route(
    'POST',
    '/v1/customers',
    { ...customerFields, payment_method: str(), test_clock: str() },
    (params, { billing }) => createCustomer(billing, params),
  ),
  route('GET', '/v1/customers/:id', {}, (_params, ctx) => {
    const id = pathParam(ctx, 'id');
    return ctx.billing.store.deletedCustomers.has(id) ? deletedCustomer(id) : ctx.billing.store.customers.get(id);
  }),
  route('POST', '/v1/customers/:id', customerFields, (params, ctx) =>
    updateCustomer(ctx.billing, ctx.billing.store.customers.get(pathParam(ctx, 'id')), params),
  ),
  route('DELETE', '/v1/customers/:id', {}, (_params, ctx) =>
    deleteCustomer(ctx.billing, ctx.billing.store.customers.get(pathParam(ctx, 'id'))),
  ),
  route('GET', '/v1/customers', { ...listParams, email: str(), test_clock: str() }, (params, { billing }) =>
    paginate(
      billing.store.customers.newestFirst(
        (customer) =>
          (!params.email || customer.email === params.email) &&
          (!params.test_clock || customer.test_clock === params.test_clock),
      ),
      params,
      '/v1/customers',
    ),
  ),
  route('GET', '/v1/customers/:id/payment_methods', { ...listParams, type: str() }, (params, ctx) => {
    const customer = ctx.billing.store.customers.get(pathParam(ctx, 'id'));
    const methods = ctx.billing.store.paymentMethods.newestFirst((method) => idOf(method.customer) === customer.id);
    return paginate(methods, params, `/v1/customers/${customer.id}/payment_methods`);
  }),

  route(
    'POST',
    '/v1/payment_methods',
    {
      type: str({ required: true, enum: ['card'] }),
      card: obj({ token: str(), number: str(), exp_month: str(), exp_year: str(), cvc: str() }),
      billing_details: billingDetailsSpec,
      metadata: hash(),
      allow_redisplay: str(),
    },
    (params, { billing }) => {
      const card = params.card;
      if (!card) throw invalidParameter('card', 'Missing required param: card.', 'parameter_missing');
      const resolved = card.token
        ? cardFromToken(card.token, 'card[token]')
        : cardFromNumber(card.number ?? '', 'card[number]');
      const paymentMethod = createCardPaymentMethod(
        billing,
        resolved,
        params.billing_details ?? {},
        params.metadata ?? {},
      );
      return paymentMethod;
    },
  ),
  route('GET', '/v1/payment_methods/:id', {}, (_params, ctx) =>
    resolvePaymentMethod(ctx.billing, pathParam(ctx, 'id'), 'payment_method'),
  ),
  route('POST', '/v1/payment_methods/:id/attach', { customer: str({ required: true }) }, (params, ctx) =>
    attachPaymentMethod(
      ctx.billing,
      resolvePaymentMethod(ctx.billing, pathParam(ctx, 'id'), 'payment_method'),
      params.customer,
    ),
  ),
  route('POST', '/v1/payment_methods/:id/detach', {}, (_params, ctx) =>
    detachPaymentMethod(ctx.billing, ctx.billing.store.paymentMethods.get(pathParam(ctx, 'id'), 'payment_method')),
  ),
  route('GET', '/v1/payment_methods', { ...listParams, customer: str(), type: str() }, (params, { billing }) =>
    paginate(
      billing.store.paymentMethods.newestFirst(
        (method) => !params.customer || idOf(method.customer) === params.customer,
      ),
      params,
      '/v1/payment_methods',
    ),
  ),
];
