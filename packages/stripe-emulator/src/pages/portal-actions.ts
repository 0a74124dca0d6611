import { idOf, type BillingContext } from '../billing/context.js';
import { cancelSubscription } from '../billing/subscriptions.js';
import { updateSubscription } from '../billing/subscription-updates.js';
import { productNameOf } from '../billing/subscription-lines.js';
import { StripeApiError } from '../http/errors.js';
import type { FormObject } from '../http/form-decoding.js';
import type { PortalSessionObject } from '../objects/platform-objects.js';
import { EventBatch } from '../webhooks/event-bus.js';
import type { PortalView } from './portal-page.js';

/** The customer's live subscriptions, the plans they can switch to, invoices and card. */
export function portalView(
  billing: BillingContext,
  session: PortalSessionObject,
  extras: Pick<PortalView, 'notice' | 'error' | 'productName'>,
): PortalView {
  const { store } = billing;
  const customer = store.customers.find(session.customer);
  const subscriptions = store.subscriptions.newestFirst((subscription) => idOf(subscription.customer) === session.customer && subscription.status !== 'canceled');
  const plans = store.prices
    .all()
    .filter((price) => price.active && price.recurring && price.lookup_key)
    .sort((a, b) => (a.unit_amount ?? 0) - (b.unit_amount ?? 0))
    .map((price) => ({ price, name: productNameOf(billing, price), description: store.products.find(idOf(price.product) ?? '')?.description ?? null }));
  const paymentMethodId = idOf(subscriptions[0]?.default_payment_method) ?? idOf(customer?.invoice_settings.default_payment_method);
  const card = paymentMethodId ? store.paymentMethods.find(paymentMethodId)?.card : undefined;
  return {
    session,
    customerEmail: customer?.email ?? null,
    subscriptions,
    plans,
    invoices: store.invoices.newestFirst((invoice) => idOf(invoice.customer) === session.customer && invoice.status !== 'draft'),
    card: card ? { brand: card.brand, last4: card.last4 } : null,
    ...extras,
  };
}

export type PortalOutcome = { ok: true; message: string } | { ok: false; message: string };

function field(form: FormObject, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

/** Does what the portal's buttons ask, through the same operations as the API. */
export function applyPortalAction(billing: BillingContext, session: PortalSessionObject, form: FormObject): PortalOutcome {
  const subscription = billing.store.subscriptions.find(field(form, 'subscription'));
  if (!subscription || idOf(subscription.customer) !== session.customer) return { ok: false, message: 'That subscription is not yours.' };
  const events = new EventBatch();
  try {
    switch (field(form, 'action')) {
      case 'switch': {
        const item = subscription.items.data[0];
        const price = billing.store.prices.find(field(form, 'price'));
        if (!item || !price) return { ok: false, message: 'Choose a plan.' };
        updateSubscription(billing, subscription, { items: [{ id: item.id, price: price.id }], proration_behavior: 'create_prorations' }, events);
        billing.bus.publish(events);
        return { ok: true, message: `Switched to ${productNameOf(billing, price)}.` };
      }
      case 'cancel_at_period_end':
        updateSubscription(billing, subscription, { cancel_at_period_end: true }, events);
        billing.bus.publish(events);
        return { ok: true, message: 'Your plan will be canceled at the end of the billing period.' };
      case 'renew':
        updateSubscription(billing, subscription, { cancel_at_period_end: false }, events);
        billing.bus.publish(events);
        return { ok: true, message: 'Your plan will renew.' };
      case 'cancel_now':
        cancelSubscription(billing, subscription, {}, events);
        billing.bus.publish(events);
        return { ok: true, message: 'Your plan has been canceled.' };
      default:
        return { ok: false, message: 'Unknown action.' };
    }
  } catch (error) {
    if (error instanceof StripeApiError) return { ok: false, message: error.message };
    throw error;
  }
}
