import type { EventObject } from '../objects/platform-objects.js';
import type { Store } from '../store/store.js';
import { DeliveryLog, type DeliveryLogEntry } from './delivery-log.js';
import { signatureHeader } from './signing.js';
import { renderEvent } from './versioned-rendering.js';

export interface RetryPolicy {
  /** Total attempts per delivery, the first included. */
  attempts: number;
  /** Delay before the first retry; each later retry waits twice as long. */
  baseDelayMs: number;
}

interface DeliveryTask {
  event: EventObject;
  endpointId: string;
  attempt: number;
}

const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * At-least-once webhook delivery: one queue per endpoint (so a receiver sees events in the order they
 * happened unless a test asks otherwise), retries with exponential backoff on non-2xx or connection
 * errors, and test controls to hold, reorder, duplicate and replay deliveries.
 */
export class WebhookDispatcher {
  readonly log = new DeliveryLog();
  private readonly queues = new Map<string, Promise<void>>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly pending = new Set<Promise<void>>();
  private held: DeliveryTask[] | null = null;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly retry: RetryPolicy,
  ) {}

  endpointsFor(eventType: string): string[] {
    return this.store.webhookEndpoints
      .all()
      .filter((endpoint) => endpoint.status === 'enabled')
      .filter((endpoint) => endpoint.enabled_events.includes('*') || endpoint.enabled_events.includes(eventType))
      .map((endpoint) => endpoint.id);
  }

  enqueue(event: EventObject): void {
    for (const endpointId of this.endpointsFor(event.type)) this.schedule({ event, endpointId, attempt: 1 });
  }

  /** Holds every new delivery until `release`, so a test can choose the order (or a duplicate). */
  hold(): void {
    this.held ??= [];
  }

  heldEventIds(): string[] {
    return (this.held ?? []).map((task) => task.event.id);
  }

  /**
   * Delivers held deliveries: those of the listed event ids first, in that order, then the rest in
   * the order they were held. Resolves when they have been attempted.
   */
  async release(order: string[] = []): Promise<void> {
    const tasks = this.held ?? [];
    this.held = null;
    const rank = (task: DeliveryTask): number => {
      const index = order.indexOf(task.event.id);
      return index === -1 ? order.length : index;
    };
    const sorted = tasks
      .map((task, index) => ({ task, index }))
      .sort((a, b) => rank(a.task) - rank(b.task) || a.index - b.index);
    await Promise.all(sorted.map(({ task }) => this.start(task)));
  }

  /** Delivers an event again to every endpoint that wants it, as Stripe's "resend" does. */
  async replay(eventId: string): Promise<void> {
    const event = this.store.events.get(eventId);
    await Promise.all(
      this.endpointsFor(event.type).map((endpointId) => this.start(this.nextAttempt(event, endpointId))),
    );
  }

  /** Delivers one event twice in a row, the duplicate an at-least-once receiver must tolerate. */
  async deliverTwice(eventId: string): Promise<void> {
    await this.replay(eventId);
    await this.replay(eventId);
  }

  /** Resolves once nothing is queued, in flight or waiting to retry (held deliveries excepted). */
  async idle(): Promise<void> {
    while (this.pending.size > 0 || this.retryTimers.size > 0) {
      if (this.pending.size > 0) await Promise.allSettled([...this.pending]);
      else await new Promise((resolve) => setTimeout(resolve, Math.max(5, Math.min(this.retry.baseDelayMs, 50))));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    await Promise.allSettled([...this.pending]);
  }

  private nextAttempt(event: EventObject, endpointId: string): DeliveryTask {
    return { event, endpointId, attempt: this.log.attemptsFor(event.id, endpointId) + 1 };
  }

  private schedule(task: DeliveryTask): void {
    if (this.closed) return;
    if (this.held) this.held.push(task);
    else void this.start(task);
  }

  private start(task: DeliveryTask): Promise<void> {
    const previous = this.queues.get(task.endpointId) ?? Promise.resolve();
    const delivery = previous.then(() => this.deliver(task));
    this.queues.set(task.endpointId, delivery);
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
    return delivery;
  }

  private async deliver(task: DeliveryTask): Promise<void> {
    const endpoint = this.store.webhookEndpoints.find(task.endpointId);
    const secret = this.store.webhookSecrets.get(task.endpointId);
    if (!endpoint || !secret || this.closed) return;
    const payload = JSON.stringify(
      renderEvent(task.event, endpoint.api_version ?? this.store.accountApiVersion),
      null,
      2,
    );
    const started = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signatureHeader(payload, secret, Math.floor(Date.now() / 1000)),
        },
        body: payload,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    const succeeded = status !== null && status >= 200 && status < 300;
    const entry: DeliveryLogEntry = {
      eventId: task.event.id,
      eventType: task.event.type,
      endpointId: endpoint.id,
      url: endpoint.url,
      attempt: task.attempt,
      status,
      outcome: succeeded ? 'succeeded' : 'failed',
      error: error ?? (succeeded ? null : `HTTP ${status}`),
      at: Date.now(),
      durationMs: Date.now() - started,
    };
    this.log.record(entry);
    if (!succeeded && task.attempt < this.retry.attempts) this.retryLater({ ...task, attempt: task.attempt + 1 });
  }

  private retryLater(task: DeliveryTask): void {
    if (this.closed) return;
    const delay = this.retry.baseDelayMs * 2 ** (task.attempt - 2);
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.schedule(task);
    }, delay);
    // A pending retry must not keep a CLI or test process alive on its own.
    timer.unref();
    this.retryTimers.add(timer);
  }
}
