import { currentRequest } from '../http/request-context.js';
import { ID_PREFIX, newId } from '../ids.js';
import { buildEvent, type EventObject } from '../objects/platform-objects.js';
import type { Store } from '../store/store.js';
import type { WebhookDispatcher } from './dispatcher.js';

export const API_VERSION = '2026-10-28.endive';

interface PendingEvent {
  type: string;
  snapshot: unknown;
  previousAttributes: Record<string, unknown> | null;
}

/** The top-level attributes that differ, with their earlier values: Stripe's `previous_attributes`. */
export function changedAttributes(before: object, after: object): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  const earlier = before as Record<string, unknown>;
  const later = after as Record<string, unknown>;
  for (const key of Object.keys(later)) {
    if (JSON.stringify(earlier[key]) !== JSON.stringify(later[key])) changed[key] = earlier[key] ?? null;
  }
  return changed;
}

/**
 * Events collected while one operation runs, each snapshotted when added, then published together in
 * the order Stripe sends them (an operation may learn its outcome before it can name its first event).
 */
export class EventBatch {
  private readonly events: PendingEvent[] = [];

  add(type: string, object: unknown, previousAttributes: Record<string, unknown> | null = null): this {
    this.events.push({ type, snapshot: structuredClone(object), previousAttributes });
    return this;
  }

  append(other: EventBatch): this {
    this.events.push(...other.events);
    return this;
  }

  drain(): PendingEvent[] {
    return this.events.splice(0);
  }
}

export class EventBus {
  constructor(
    private readonly store: Store,
    private readonly dispatcher: WebhookDispatcher,
    private readonly nowSeconds: () => number,
  ) {}

  emit(type: string, object: unknown, previousAttributes: Record<string, unknown> | null = null): EventObject {
    return this.publishOne({ type, snapshot: structuredClone(object), previousAttributes });
  }

  publish(batch: EventBatch): EventObject[] {
    return batch.drain().map((pending) => this.publishOne(pending));
  }

  private publishOne(pending: PendingEvent): EventObject {
    const request = currentRequest();
    const event = buildEvent({
      id: newId(ID_PREFIX.event),
      created: this.nowSeconds(),
      type: pending.type,
      apiVersion: API_VERSION,
      object: pending.snapshot,
      previousAttributes: pending.previousAttributes,
      request: { id: request?.id ?? null, idempotency_key: request?.idempotencyKey ?? null },
      pendingWebhooks: this.dispatcher.endpointsFor(pending.type).length,
    });
    this.store.events.insert(event);
    this.dispatcher.enqueue(event);
    return event;
  }
}
