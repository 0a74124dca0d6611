import type { PriceObject, ProductObject } from '../objects/catalog-objects.js';
import type { CheckoutLineItemObject, CheckoutSessionObject } from '../objects/checkout-objects.js';
import type { CustomerObject, PaymentMethodObject } from '../objects/customer-objects.js';
import type { InvoiceItemObject, InvoiceObject } from '../objects/invoice-objects.js';
import type { PortalConfigurationObject } from '../objects/portal-objects.js';
import type {
  EventObject,
  PortalSessionObject,
  TestClockObject,
  WebhookEndpointObject,
} from '../objects/platform-objects.js';
import type { SubscriptionScheduleObject } from '../objects/schedule-objects.js';
import type {
  ChargeObject,
  InvoicePaymentObject,
  PaymentIntentObject,
  RefundObject,
} from '../objects/payment-objects.js';
import type { SubscriptionObject } from '../objects/subscription-objects.js';
import type { CardBehavior } from '../billing/test-cards.js';
import { API_VERSION } from '../webhooks/event-bus.js';
import { Collection } from './collection.js';

/** What a checkout session needs beyond its public object: what it sells and what it will create. */
export interface CheckoutSessionDetails {
  lineItems: CheckoutLineItemObject[];
  subscriptionMetadata: Record<string, string>;
  trialPeriodDays: number | null;
}

/** A portal session's link: when it stops opening, and the browser that opened it in time. */
export interface PortalSessionAccess {
  expiresAt: number;
  visitorToken: string | null;
}

/** The whole emulated Stripe account, in memory: it is a development and test tool. */
export class Store {
  readonly products: Collection<ProductObject> = new Collection('product');
  readonly prices: Collection<PriceObject> = new Collection('price');
  readonly customers: Collection<CustomerObject> = new Collection('customer');
  readonly paymentMethods: Collection<PaymentMethodObject> = new Collection('payment_method');
  readonly subscriptions: Collection<SubscriptionObject> = new Collection('subscription');
  readonly subscriptionSchedules: Collection<SubscriptionScheduleObject> = new Collection('subscription schedule');
  readonly invoiceItems: Collection<InvoiceItemObject> = new Collection('invoiceitem');
  readonly invoices: Collection<InvoiceObject> = new Collection('invoice');
  readonly paymentIntents: Collection<PaymentIntentObject> = new Collection('payment_intent');
  readonly charges: Collection<ChargeObject> = new Collection('charge');
  readonly refunds: Collection<RefundObject> = new Collection('refund');
  readonly invoicePayments: Collection<InvoicePaymentObject> = new Collection('invoice_payment');
  readonly checkoutSessions: Collection<CheckoutSessionObject> = new Collection('checkout.session');
  readonly portalSessions: Collection<PortalSessionObject> = new Collection('billing_portal.session');
  readonly portalConfigurations: Collection<PortalConfigurationObject> = new Collection('configuration');
  readonly webhookEndpoints: Collection<WebhookEndpointObject> = new Collection('webhook_endpoint');
  readonly events: Collection<EventObject> = new Collection('event');
  readonly testClocks: Collection<TestClockObject> = new Collection('test_helpers.test_clock');

  /** How each payment method's card behaves when charged (test cards decide it). */
  readonly cardBehaviors = new Map<string, CardBehavior>();
  readonly checkoutDetails = new Map<string, CheckoutSessionDetails>();
  /** Subscriptions whose `customer.subscription.trial_will_end` has been sent (Stripe sends it once). */
  readonly trialEndNoticesSent = new Set<string>();
  /** Webhook signing secrets by endpoint id: Stripe returns a secret only when an endpoint is created. */
  readonly webhookSecrets = new Map<string, string>();
  /** The account's default API version: events render in it for endpoints without their own. */
  accountApiVersion: string = API_VERSION;
  readonly portalSessionAccess = new Map<string, PortalSessionAccess>();
  /** How long a portal session's link opens, like Stripe's short-lived sessions (a control sets it). */
  portalSessionLifetimeSeconds = 5 * 60;
  /** Deleted customers: Stripe still answers their retrieval with `{ deleted: true }`. */
  readonly deletedCustomers = new Set<string>();

  /** Any stored object by id, for `expand[]`. */
  findById(id: string): { id: string } | undefined {
    const collections: Collection<{ id: string }>[] = [
      this.products,
      this.prices,
      this.customers,
      this.paymentMethods,
      this.subscriptions,
      this.subscriptionSchedules,
      this.invoiceItems,
      this.invoices,
      this.paymentIntents,
      this.charges,
      this.refunds,
      this.invoicePayments,
      this.checkoutSessions,
      this.portalSessions,
      this.portalConfigurations,
      this.webhookEndpoints,
      this.events,
      this.testClocks,
    ];
    for (const collection of collections) {
      const found = collection.find(id);
      if (found) return found;
    }
    return undefined;
  }
}
