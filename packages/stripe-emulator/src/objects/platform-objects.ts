import type Stripe from 'stripe';
import { fromTemplate } from './templates.js';
import type { Metadata, Wire } from './wire.js';

export type WebhookEndpointObject = Wire<Stripe.WebhookEndpoint>;
/** `Stripe.Event` is a union over every event type; the emulator builds them generically. */
export interface EventObject {
  id: string;
  object: 'event';
  account?: string;
  api_version: string | null;
  context?: string;
  created: number;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
  livemode: boolean;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null } | null;
  type: string;
}
export type TestClockObject = Wire<Stripe.TestHelpers.TestClock>;
export type PortalSessionObject = Wire<Stripe.BillingPortal.Session>;

export function buildWebhookEndpoint(values: {
  id: string;
  created: number;
  url: string;
  enabledEvents: string[];
  description: string | null;
  metadata: Metadata;
  apiVersion: string | null;
}): WebhookEndpointObject {
  return fromTemplate<Stripe.WebhookEndpoint>('webhook_endpoint', {
    id: values.id,
    created: values.created,
    api_version: values.apiVersion,
    application: null,
    description: values.description,
    enabled_events: values.enabledEvents,
    livemode: false,
    metadata: values.metadata,
    status: 'enabled',
    url: values.url,
  });
}

export function buildEvent(values: {
  id: string;
  created: number;
  type: string;
  apiVersion: string;
  object: unknown;
  previousAttributes: Record<string, unknown> | null;
  request: { id: string | null; idempotency_key: string | null };
  pendingWebhooks: number;
}): EventObject {
  const data: EventObject['data'] = { object: values.object };
  if (values.previousAttributes) data.previous_attributes = values.previousAttributes;
  return fromTemplate<EventObject>('event', {
    id: values.id,
    created: values.created,
    api_version: values.apiVersion,
    data,
    livemode: false,
    pending_webhooks: values.pendingWebhooks,
    request: values.request,
    type: values.type,
  });
}

export function buildTestClock(values: {
  id: string;
  created: number;
  frozenTime: number;
  name: string | null;
}): TestClockObject {
  return fromTemplate<Stripe.TestHelpers.TestClock>('test_helpers.test_clock', {
    id: values.id,
    created: values.created,
    deletes_after: values.created + 30 * 24 * 3600,
    frozen_time: values.frozenTime,
    livemode: false,
    name: values.name,
    status: 'ready',
    status_details: {},
  });
}

export function buildPortalSession(values: {
  id: string;
  created: number;
  customer: string;
  returnUrl: string | null;
  url: string;
  configuration: string;
  locale: string | null;
  flow: PortalSessionObject['flow'];
}): PortalSessionObject {
  return fromTemplate<Stripe.BillingPortal.Session>('billing_portal.session', {
    id: values.id,
    created: values.created,
    configuration: values.configuration,
    customer: values.customer,
    flow: values.flow,
    livemode: false,
    locale: values.locale as PortalSessionObject['locale'],
    on_behalf_of: null,
    return_url: values.returnUrl,
    url: values.url,
    customer_account: null,
  });
}
