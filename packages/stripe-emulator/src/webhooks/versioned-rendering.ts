import type { EventObject } from '../objects/platform-objects.js';

/**
 * Stripe renders an event for each endpoint in the endpoint's `api_version` (the account's default
 * when the endpoint has none); `events.retrieve` renders in the account's default. The store keeps
 * objects in the current shape; this layer reshapes copies for older versions, one object type at a
 * time, so a receiver sees what Stripe would send it.
 */

/** `2025-03-31.basil` moved an invoice's subscription under `parent` and a subscription's periods onto its items. */
export const BASIL = '2025-03-31.basil';

const VERSION_FORMAT = /^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/;

export function isApiVersion(version: string): boolean {
  return VERSION_FORMAT.test(version);
}

/** Versions order by their release date; the name after the dot only labels it. */
function before(version: string, release: string): boolean {
  return version.slice(0, 10) < release.slice(0, 10);
}

type WireObject = Record<string, unknown>;
type Renderer = (object: WireObject, version: string) => WireObject;

const RENDERERS: Record<string, Renderer> = {
  invoice: renderInvoice,
  subscription: renderSubscription,
};

export function renderEvent(event: EventObject, version: string): EventObject {
  const object = event.data.object as WireObject | null;
  const renderer = typeof object?.object === 'string' ? RENDERERS[object.object] : undefined;
  const data = renderer && object ? { ...event.data, object: renderer(object, version) } : event.data;
  return { ...event, api_version: version, data };
}

interface SubscriptionParent {
  subscription_details?: { subscription?: string | null; metadata?: Record<string, string> | null } | null;
}

/**
 * Before basil: `subscription` and `subscription_details` at the top, no `parent`. From basil on the
 * stored shape, with `parent` (and the top-level `subscription` Stripe's example object still carries).
 */
function renderInvoice(invoice: WireObject, version: string): WireObject {
  if (!before(version, BASIL)) return invoice;
  const { parent, ...legacy } = invoice;
  const details = (parent as SubscriptionParent | null)?.subscription_details ?? null;
  return {
    ...legacy,
    subscription: details?.subscription ?? null,
    subscription_details: details ? { metadata: details.metadata ?? null } : null,
  };
}

interface SubscriptionItems {
  data: { current_period_start?: number; current_period_end?: number }[];
}

/** Before basil a subscription carried its current period itself. */
function renderSubscription(subscription: WireObject, version: string): WireObject {
  if (!before(version, BASIL)) return subscription;
  const first = (subscription.items as SubscriptionItems | undefined)?.data[0];
  return {
    ...subscription,
    current_period_start: first?.current_period_start ?? null,
    current_period_end: first?.current_period_end ?? null,
  };
}
