import { idOf, mergeMetadata } from '../billing/context.js';
import { createRefund } from '../billing/payments.js';
import { paginate } from '../http/pagination.js';
import { bool, hash, int, obj, str } from '../http/params.js';
import { listParams, pathParam, route, type ApiRoute } from '../http/route.js';
import { EventBatch } from '../webhooks/event-bus.js';

/** What an invoice's payment collected: PaymentIntents, their charges, refunds and invoice payments. */
export const paymentRoutes: ApiRoute[] = [
  route('GET', '/v1/payment_intents/:id', { client_secret: str() }, (_params, ctx) =>
    ctx.billing.store.paymentIntents.get(pathParam(ctx, 'id')),
  ),
  route('GET', '/v1/payment_intents', { ...listParams, customer: str() }, (params, { billing }) =>
    paginate(
      billing.store.paymentIntents.newestFirst(
        (intent) => !params.customer || idOf(intent.customer) === params.customer,
      ),
      params,
      '/v1/payment_intents',
    ),
  ),

  route('GET', '/v1/charges/:id', {}, (_params, ctx) => ctx.billing.store.charges.get(pathParam(ctx, 'id'))),
  route('GET', '/v1/charges', { ...listParams, customer: str(), payment_intent: str() }, (params, { billing }) =>
    paginate(
      billing.store.charges.newestFirst(
        (charge) =>
          (!params.customer || idOf(charge.customer) === params.customer) &&
          (!params.payment_intent || idOf(charge.payment_intent) === params.payment_intent),
      ),
      params,
      '/v1/charges',
    ),
  ),

  route(
    'POST',
    '/v1/refunds',
    {
      payment_intent: str(),
      charge: str(),
      amount: int(),
      reason: str({ enum: ['duplicate', 'fraudulent', 'requested_by_customer'] }),
      metadata: hash(),
      refund_application_fee: bool(),
      reverse_transfer: bool(),
    },
    (params, { billing }) => {
      const events = new EventBatch();
      const refund = createRefund(billing, params, events);
      billing.bus.publish(events);
      return refund;
    },
  ),
  route('GET', '/v1/refunds/:id', {}, (_params, ctx) => ctx.billing.store.refunds.get(pathParam(ctx, 'id'))),
  route('POST', '/v1/refunds/:id', { metadata: hash() }, (params, ctx) => {
    const refund = ctx.billing.store.refunds.get(pathParam(ctx, 'id'));
    if (params.metadata !== undefined) refund.metadata = mergeMetadata(refund.metadata, params.metadata);
    return refund;
  }),
  route('GET', '/v1/refunds', { ...listParams, charge: str(), payment_intent: str() }, (params, { billing }) =>
    paginate(
      billing.store.refunds.newestFirst(
        (refund) =>
          (!params.charge || idOf(refund.charge) === params.charge) &&
          (!params.payment_intent || idOf(refund.payment_intent) === params.payment_intent),
      ),
      params,
      '/v1/refunds',
    ),
  ),

  route('GET', '/v1/invoice_payments/:id', {}, (_params, ctx) =>
    ctx.billing.store.invoicePayments.get(pathParam(ctx, 'id')),
  ),
  route(
    'GET',
    '/v1/invoice_payments',
    {
      ...listParams,
      invoice: str(),
      payment: obj({
        type: str({ required: true, enum: ['payment_intent', 'payment_record'] }),
        payment_intent: str(),
        payment_record: str(),
      }),
      status: str({ enum: ['canceled', 'open', 'paid'] }),
    },
    (params, { billing }) =>
      paginate(
        billing.store.invoicePayments.newestFirst(
          (payment) =>
            (!params.invoice || idOf(payment.invoice) === params.invoice) &&
            (!params.status || payment.status === params.status) &&
            (!params.payment ||
              (payment.payment.type === params.payment.type &&
                (!params.payment.payment_intent ||
                  idOf(payment.payment.payment_intent) === params.payment.payment_intent))),
        ),
        params,
        '/v1/invoice_payments',
      ),
  ),
];
