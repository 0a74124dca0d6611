import type { Store } from '../store/store.js';
import type { EventBus } from '../webhooks/event-bus.js';
import type { Clock } from './clock.js';

/** What every billing operation works with: the account's objects, its time and its event stream. */
export interface BillingContext {
  store: Store;
  clock: Clock;
  bus: EventBus;
  /** Base URL of the hosted pages (checkout, portal) as a browser reaches them. */
  publicUrl: string;
}

/** Stripe's metadata update: a key sent empty is removed, other keys are merged. */
export function mergeMetadata(
  existing: Record<string, string> | null,
  update: Record<string, string | null> | null | undefined,
): Record<string, string> {
  const merged: Record<string, string> = { ...(existing ?? {}) };
  if (update === null) return {};
  for (const [key, value] of Object.entries(update ?? {})) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.id;
}
