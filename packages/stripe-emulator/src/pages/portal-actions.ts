import { idOf, type BillingContext } from '../billing/context.js';
import {
  cancelFromPortal,
  renewFromPortal,
  switchablePrices,
  switchPlan,
  updatePaymentMethodFromPortal,
} from '../billing/portal-operations.js';
import { productNameOf } from '../billing/subscription-lines.js';
import { cardFromNumber } from '../billing/test-cards.js';
import { StripeApiError } from '../http/errors.js';
import type { FormObject } from '../http/form-decoding.js';
import type { PortalConfigurationObject } from '../objects/portal-objects.js';
import type { PortalSessionObject } from '../objects/platform-objects.js';
import type { SubscriptionObject } from '../objects/subscription-objects.js';
import { EventBatch } from '../webhooks/event-bus.js';
import type { PlanOption, PortalView, SubscriptionPanel } from './portal-page.js';

/** The parts of the portal a deep link (`flow_data`) narrows the page to. */
type Section = 'subscriptions' | 'payment_method' | 'invoices';

function sectionsOf(session: PortalSessionObject): Set<Section> {
  switch (session.flow?.type) {
    case 'payment_method_update':
      return new Set(['payment_method']);
    case 'subscription_cancel':
    case 'subscription_update':
      return new Set(['subscriptions']);
    default:
      return new Set(['subscriptions', 'payment_method', 'invoices']);
  }
}

function flowSubscription(session: PortalSessionObject): string | null {
  return session.flow?.subscription_cancel?.subscription ?? session.flow?.subscription_update?.subscription ?? null;
}

function planOption(billing: BillingContext, priceId: string): PlanOption | null {
  const price = billing.store.prices.find(priceId);
  if (!price) return null;
  return {
    price,
    name: productNameOf(billing, price),
    description: billing.store.products.find(idOf(price.product) ?? '')?.description ?? null,
  };
}

/** The change a schedule made by the portal (or anyone) will apply at the end of the current phase. */
function scheduledChangeOf(
  billing: BillingContext,
  subscription: SubscriptionObject,
): SubscriptionPanel['scheduledChange'] {
  const schedule = billing.store.subscriptionSchedules.find(idOf(subscription.schedule) ?? '');
  const next = schedule?.phases.find((phase) => phase.start_date === schedule.current_phase?.end_date);
  const item = next?.items[0];
  const option = item ? planOption(billing, typeof item.price === 'string' ? item.price : item.price.id) : null;
  return option && next ? { plan: option, at: next.start_date } : null;
}

const PAYMENT_DUE = new Set(['past_due', 'unpaid', 'incomplete']);

function openInvoiceUrlOf(billing: BillingContext, subscription: SubscriptionObject): string | null {
  if (!PAYMENT_DUE.has(subscription.status)) return null;
  const invoice = billing.store.invoices.find(idOf(subscription.latest_invoice) ?? '');
  return invoice?.status === 'open' ? (invoice.hosted_invoice_url ?? null) : null;
}

function subscriptionPanel(
  billing: BillingContext,
  configuration: PortalConfigurationObject,
  session: PortalSessionObject,
  subscription: SubscriptionObject,
): SubscriptionPanel {
  const cancel = configuration.features.subscription_cancel;
  const flow = session.flow?.type;
  return {
    subscription,
    plans:
      flow === 'subscription_cancel'
        ? []
        : switchablePrices(billing, configuration, subscription).flatMap(
            (price) => planOption(billing, price.id) ?? [],
          ),
    cancelMode:
      cancel.enabled && flow !== 'subscription_update' ? (cancel.mode as 'at_period_end' | 'immediately') : null,
    cancelReasons:
      cancel.cancellation_reason.enabled && cancel.mode === 'immediately' ? cancel.cancellation_reason.options : [],
    scheduledChange: scheduledChangeOf(billing, subscription),
    payInvoiceUrl: openInvoiceUrlOf(billing, subscription),
  };
}

/** What the page shows: only the features the session's configuration enables. */
export function portalView(
  billing: BillingContext,
  session: PortalSessionObject,
  configuration: PortalConfigurationObject,
  extras: Pick<PortalView, 'notice' | 'error'>,
): PortalView {
  const { store } = billing;
  const { features } = configuration;
  const sections = sectionsOf(session);
  const only = flowSubscription(session);
  const customer = store.customers.find(session.customer);
  const subscriptions = store.subscriptions.newestFirst(
    (subscription) =>
      idOf(subscription.customer) === session.customer &&
      subscription.status !== 'canceled' &&
      (!only || subscription.id === only),
  );
  const paymentMethodId =
    idOf(subscriptions[0]?.default_payment_method) ?? idOf(customer?.invoice_settings.default_payment_method);
  const card = paymentMethodId ? store.paymentMethods.find(paymentMethodId)?.card : undefined;
  return {
    session,
    headline: configuration.business_profile.headline,
    customerEmail: customer?.email ?? null,
    subscriptions: sections.has('subscriptions')
      ? subscriptions.map((subscription) => subscriptionPanel(billing, configuration, session, subscription))
      : null,
    card: card ? { brand: card.brand, last4: card.last4 } : null,
    canUpdateCard: sections.has('payment_method') && features.payment_method_update.enabled,
    invoices:
      sections.has('invoices') && features.invoice_history.enabled
        ? store.invoices.newestFirst(
            (invoice) => idOf(invoice.customer) === session.customer && invoice.status !== 'draft',
          )
        : null,
    productName: (price) => productNameOf(billing, price),
    ...extras,
  };
}

export type PortalOutcome = { ok: true; message: string; flowDone: boolean } | { ok: false; message: string };

function field(form: FormObject, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
}

function formatDay(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().slice(0, 10);
}

/** Does what the portal's buttons ask, each checked against the configuration. */
export function applyPortalAction(
  billing: BillingContext,
  session: PortalSessionObject,
  configuration: PortalConfigurationObject,
  form: FormObject,
): PortalOutcome {
  const events = new EventBatch();
  const done = (message: string): PortalOutcome => {
    billing.bus.publish(events);
    return { ok: true, message, flowDone: session.flow !== null };
  };
  try {
    const action = field(form, 'action');
    if (action === 'update_card') {
      if (!sectionsOf(session).has('payment_method')) return { ok: false, message: 'Unknown action.' };
      const card = cardFromNumber(field(form, 'card_number'));
      updatePaymentMethodFromPortal(billing, configuration, session.customer, card, events);
      return done(`Your card ending in ${card.details.last4} is now your payment method.`);
    }
    const subscription = billing.store.subscriptions.find(field(form, 'subscription'));
    const only = flowSubscription(session);
    if (!subscription || idOf(subscription.customer) !== session.customer || (only && subscription.id !== only)) {
      return { ok: false, message: 'That subscription is not yours.' };
    }
    switch (action) {
      case 'switch': {
        if (session.flow?.type === 'subscription_cancel') return { ok: false, message: 'Unknown action.' };
        const outcome = switchPlan(billing, configuration, subscription, field(form, 'price'), events);
        const name = productNameOf(billing, billing.store.prices.get(field(form, 'price')));
        return done(
          outcome.kind === 'scheduled'
            ? `Your plan changes to ${name} on ${formatDay(outcome.at)}.`
            : `Switched to ${name}.`,
        );
      }
      case 'cancel': {
        if (session.flow?.type === 'subscription_update') return { ok: false, message: 'Unknown action.' };
        const mode = cancelFromPortal(billing, configuration, subscription, field(form, 'reason') || null, events);
        return done(
          mode === 'immediately'
            ? 'Your plan has been canceled.'
            : 'Your plan will be canceled at the end of the billing period.',
        );
      }
      case 'renew':
        renewFromPortal(billing, subscription, events);
        return done('Your plan will renew.');
      default:
        return { ok: false, message: 'Unknown action.' };
    }
  } catch (error) {
    if (error instanceof StripeApiError && error.status < 500) return { ok: false, message: error.message };
    throw error;
  }
}
