import type { Store } from '../store/store.js';
import { listOf } from '../objects/wire.js';
import { invalidParameter } from './errors.js';

const MAX_EXPAND_DEPTH = 4;

/**
 * Applies `expand[]` to a response: each dotted path names an id field to replace by its object
 * (`customer`, `latest_invoice.payment_intent`, `data.customer` on lists). Works on a copy.
 */
export function expandResponse(body: unknown, paths: string[], store: Store): unknown {
  if (paths.length === 0) return body;
  const copy = structuredClone(body);
  paths.forEach((path, index) => {
    const segments = path.split('.');
    if (segments.length > MAX_EXPAND_DEPTH) {
      throw invalidParameter(
        `expand[${index}]`,
        `You cannot expand more than ${MAX_EXPAND_DEPTH} levels of a property.`,
      );
    }
    expandAt(copy, segments, store, path, index);
  });
  return copy;
}

function expandAt(node: unknown, segments: string[], store: Store, path: string, index: number): void {
  if (Array.isArray(node)) {
    for (const item of node) expandAt(item, segments, store, path, index);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const [head, ...rest] = segments;
  if (head === undefined) return;
  const record = node as Record<string, unknown>;
  if (!(head in record) && !virtualField(record, head)) {
    throw invalidParameter(`expand[${index}]`, `This property cannot be expanded (${path}).`);
  }
  // An expanded field that is null stays null, as on Stripe (`schedule` of a subscription without one).
  let child = head in record ? record[head] : virtualValue(record, head, store);
  if (typeof child === 'string') child = structuredClone(store.findById(child)) ?? child;
  record[head] = child;
  expandAt(child, rest, store, path, index);
}

/** Fields Stripe only includes when expanded: a checkout session's `line_items`, a customer's `subscriptions`. */
function virtualField(record: Record<string, unknown>, field: string): boolean {
  return (
    (record.object === 'checkout.session' && field === 'line_items') ||
    (record.object === 'customer' && field === 'subscriptions')
  );
}

function virtualValue(record: Record<string, unknown>, field: string, store: Store): unknown {
  if (!virtualField(record, field)) return undefined;
  const id = String(record.id);
  if (record.object === 'customer') {
    const subscriptions = store.subscriptions.newestFirst(
      (subscription) => subscription.customer === id && subscription.status !== 'canceled',
    );
    return listOf(structuredClone(subscriptions), `/v1/customers/${id}/subscriptions`);
  }
  return listOf(store.checkoutDetails.get(id)?.lineItems ?? [], `/v1/checkout/sessions/${id}/line_items`);
}
