import { idOf } from '../billing/context.js';
import {
  createDraftInvoice,
  finalizeInvoice,
  payOpenInvoice,
  paymentMethodFor,
  voidInvoice,
  type PaymentOutcome,
} from '../billing/invoices.js';
import { previewInvoice } from '../billing/invoice-previews.js';
import { resolvePaymentMethod } from '../billing/payment-methods.js';
import { mergeMetadata } from '../billing/context.js';
import { cardDeclined, invalidState, StripeApiError } from '../http/errors.js';
import { paginate } from '../http/pagination.js';
import { any, arr, bool, hash, int, obj, str } from '../http/params.js';
import { listParams, pathParam, route, type ApiRoute } from '../http/route.js';
import { PRORATION_BEHAVIORS } from './stripe-enums.js';
import { ID_PREFIX, newId } from '../ids.js';
import { buildInvoiceItem } from '../objects/invoice-objects.js';
import { EventBatch } from '../webhooks/event-bus.js';

export const invoiceRoutes: ApiRoute[] = [
  route(
    'POST',
    '/v1/invoiceitems',
    {
      customer: str({ required: true }),
      amount: int(),
      currency: str(),
      description: str(),
      price: str(),
      quantity: int(),
      subscription: str(),
      metadata: hash(),
      period: obj({ start: int({ required: true }), end: int({ required: true }) }),
    },
    (params, { billing }) => {
      const customer = billing.store.customers.get(params.customer, 'customer');
      const price = params.price ? billing.store.prices.get(params.price, 'price') : null;
      const quantity = params.quantity ?? 1;
      const now = billing.clock.forCustomer(customer.id);
      const item = buildInvoiceItem({
        id: newId(ID_PREFIX.invoiceItem),
        created: now,
        customer: customer.id,
        amount: params.amount ?? (price?.unit_amount ?? 0) * quantity,
        currency: (params.currency ?? price?.currency ?? 'usd').toLowerCase(),
        description: params.description ?? null,
        period: params.period ?? { start: now, end: now },
        proration: false,
        subscription: params.subscription
          ? billing.store.subscriptions.get(params.subscription, 'subscription').id
          : null,
        testClock: billing.clock.testClockOf(customer.id),
        metadata: mergeMetadata({}, params.metadata),
      });
      item.quantity = quantity;
      item.quantity_decimal = String(quantity);
      billing.store.invoiceItems.insert(item);
      billing.bus.emit('invoiceitem.created', item);
      return item;
    },
  ),
  route('GET', '/v1/invoiceitems/:id', {}, (_params, ctx) => ctx.billing.store.invoiceItems.get(pathParam(ctx, 'id'))),
  route(
    'GET',
    '/v1/invoiceitems',
    { ...listParams, customer: str(), invoice: str(), pending: bool() },
    (params, { billing }) =>
      paginate(
        billing.store.invoiceItems.newestFirst(
          (item) =>
            (!params.customer || idOf(item.customer) === params.customer) &&
            (!params.invoice || item.invoice === params.invoice) &&
            (params.pending == null || (item.invoice === null) === params.pending),
        ),
        params,
        '/v1/invoiceitems',
      ),
  ),

  route(
    'POST',
    '/v1/invoices',
    {
      customer: str({ required: true }),
      description: str(),
      subscription: str(),
      metadata: hash(),
      auto_advance: bool(),
      collection_method: str({ enum: ['charge_automatically', 'send_invoice'] }),
      days_until_due: int(),
      default_payment_method: str(),
      pending_invoice_items_behavior: str({ enum: ['exclude', 'include'] }),
      automatic_tax: any(),
    },
    (params, { billing }) => {
      const customer = billing.store.customers.get(params.customer, 'customer');
      const now = billing.clock.forCustomer(customer.id);
      const events = new EventBatch();
      const invoice = createDraftInvoice(
        billing,
        {
          customer: customer.id,
          subscription: params.subscription ?? null,
          billingReason: 'manual',
          description: params.description ?? null,
          lines: [],
          includePendingItems: params.pending_invoice_items_behavior === 'include',
          periodStart: now,
          periodEnd: now,
          defaultPaymentMethod: params.default_payment_method ?? null,
          metadata: params.metadata ?? null,
        },
        events,
      );
      if (params.auto_advance !== undefined && params.auto_advance !== null) invoice.auto_advance = params.auto_advance;
      billing.bus.publish(events);
      return invoice;
    },
  ),
  route(
    'POST',
    '/v1/invoices/create_preview',
    {
      customer: str(),
      subscription: str(),
      subscription_details: obj({
        items: arr(
          obj({ id: str(), price: str(), quantity: int(), deleted: bool(), metadata: hash(), clear_usage: bool() }),
        ),
        proration_behavior: str({ enum: PRORATION_BEHAVIORS }),
        proration_date: int(),
        billing_cycle_anchor: obj({ type: str({ required: true, enum: ['now', 'unchanged'] }) }),
      }),
      automatic_tax: any(),
    },
    (params, { billing }) => previewInvoice(billing, params),
  ),
  route('GET', '/v1/invoices/:id', {}, (_params, ctx) => ctx.billing.store.invoices.get(pathParam(ctx, 'id'))),
  route('GET', '/v1/invoices/:id/lines', { ...listParams }, (params, ctx) => {
    const invoice = ctx.billing.store.invoices.get(pathParam(ctx, 'id'));
    return paginate(invoice.lines.data, params, `/v1/invoices/${invoice.id}/lines`);
  }),
  route('POST', '/v1/invoices/:id/finalize', { auto_advance: bool() }, (_params, ctx) => {
    const invoice = ctx.billing.store.invoices.get(pathParam(ctx, 'id'));
    if (invoice.status !== 'draft')
      throw invalidState(`This invoice is already finalized, you can't re-finalize a non-draft invoice.`);
    const events = new EventBatch();
    finalizeInvoice(ctx.billing, invoice, events);
    ctx.billing.bus.publish(events);
    return invoice;
  }),
  route(
    'POST',
    '/v1/invoices/:id/pay',
    {
      payment_method: str(),
      paid_out_of_band: bool(),
      off_session: bool(),
      forgive: bool(),
    },
    (params, ctx) => {
      const { billing } = ctx;
      const invoice = billing.store.invoices.get(pathParam(ctx, 'id'));
      if (invoice.status === 'paid') throw invalidState('Invoice is already paid.');
      if (invoice.status === 'void' || invoice.status === 'uncollectible')
        throw invalidState(`This invoice is ${invoice.status} and cannot be paid.`);
      const events = new EventBatch();
      finalizeInvoice(billing, invoice, events);
      const paymentMethod = params.payment_method
        ? resolvePaymentMethod(billing, params.payment_method, 'payment_method').id
        : paymentMethodFor(billing, invoice);
      const outcome = params.paid_out_of_band
        ? markPaidOutOfBand(invoice)
        : payOpenInvoice(billing, invoice, paymentMethod, events);
      if (params.paid_out_of_band) events.add('invoice.paid', invoice);
      billing.bus.publish(events);
      if (outcome === 'failed') throw cardDeclined(paymentMethod);
      if (outcome === 'requires_action') throw paymentNeedsAction();
      return invoice;
    },
  ),
  route('POST', '/v1/invoices/:id/void', {}, (_params, ctx) => {
    const invoice = ctx.billing.store.invoices.get(pathParam(ctx, 'id'));
    if (invoice.status !== 'open' && invoice.status !== 'uncollectible') {
      throw invalidState(`You can only pass in open or uncollectible invoices. This invoice is ${invoice.status}.`);
    }
    const events = new EventBatch();
    voidInvoice(ctx.billing, invoice, events);
    ctx.billing.bus.publish(events);
    return invoice;
  }),
  route(
    'GET',
    '/v1/invoices',
    {
      ...listParams,
      customer: str(),
      subscription: str(),
      status: str({ enum: ['draft', 'open', 'paid', 'uncollectible', 'void'] }),
    },
    (params, { billing }) =>
      paginate(
        billing.store.invoices.newestFirst(
          (invoice) =>
            (!params.customer || idOf(invoice.customer) === params.customer) &&
            (!params.subscription || invoice.parent?.subscription_details?.subscription === params.subscription) &&
            (!params.status || invoice.status === params.status),
        ),
        params,
        '/v1/invoices',
      ),
  ),
];

function markPaidOutOfBand(invoice: {
  status: string | null;
  amount_paid: number;
  amount_due: number;
  amount_remaining: number;
}): PaymentOutcome {
  invoice.status = 'paid';
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  return 'paid';
}

/** `invoices.pay` with a card that needs 3-D Secure: the customer has to complete the invoice's PaymentIntent. */
function paymentNeedsAction(): StripeApiError {
  return new StripeApiError(
    402,
    'card_error',
    'This payment requires additional user action before it can be completed successfully. Payment can be completed using the PaymentIntent associated with the invoice.',
    { code: 'invoice_payment_intent_requires_action' },
  );
}
