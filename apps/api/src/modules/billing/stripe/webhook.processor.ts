import { setTimeout } from 'node:timers/promises';
import type Stripe from 'stripe';
import type { Logger } from '../../../observability/logger.js';
import { BillingError } from '../billing.errors.js';
import type { BillingMetrics } from '../billing.metrics.js';
import { WEBHOOK_HANDLERS } from './handlers/handler-registry.js';
import type { HandlerContext } from './handlers/webhook-handler.js';
import type { WebhookEventStore } from './webhook-event.store.js';

/** `in-progress`: another delivery of the event is still being applied; the answer must make Stripe retry. */
export type WebhookResult =
  { outcome: 'processed' | 'ignored' | 'duplicate' | 'in-progress' } | { outcome: 'failed'; error: string };

/**
 * How long a redelivery waits for a concurrent attempt of the same event to finish before it is
 * answered `in-progress` (409, so Stripe retries); well within Stripe's webhook timeout.
 */
const CONCURRENT_WAIT_MS = 5_000;
const POLL_MS = 50;

/** record → dispatch to the handler for the type → note the outcome. Never swallows a failure. */
export class WebhookProcessor {
  constructor(
    private readonly events: WebhookEventStore,
    private readonly context: HandlerContext,
    private readonly metrics: BillingMetrics,
    private readonly log: Logger,
  ) {}

  async receive(event: Stripe.Event): Promise<WebhookResult> {
    await this.events.record(event);
    return this.process(event);
  }

  /** Also the replay path: a failed event runs again from its stored payload. */
  async process(event: Stripe.Event): Promise<WebhookResult> {
    const claimed = await this.#claim(event);
    if (claimed !== 'claimed') {
      this.metrics.webhookEvents.inc({ type: event.type, status: claimed });
      return { outcome: claimed };
    }
    return this.#run(event);
  }

  /**
   * Takes the event, or says why not: done already (a replay, answered 2xx), or another delivery is
   * applying it right now. That one may still fail, so this delivery is not answered 2xx before it
   * has succeeded: it waits (real time, bounded), takes over if that attempt failed, and otherwise
   * answers `in-progress`.
   */
  async #claim(event: Stripe.Event): Promise<'claimed' | 'duplicate' | 'in-progress'> {
    const deadline = performance.now() + CONCURRENT_WAIT_MS;
    for (;;) {
      if (await this.events.claim(event.id)) return 'claimed';
      const status = await this.events.statusOf(event.id);
      if (status === 'processed' || status === 'ignored') return 'duplicate';
      if (performance.now() >= deadline) return 'in-progress';
      await setTimeout(POLL_MS);
    }
  }

  async #run(event: Stripe.Event): Promise<WebhookResult> {
    const handler = WEBHOOK_HANDLERS[event.type];
    try {
      const outcome = handler
        ? await handler(event, this.context)
        : { status: 'ignored' as const, organizationId: null, result: `event type ${event.type} is not handled` };
      await this.events.finish(event.id, outcome.status, outcome.organizationId, outcome.result);
      this.metrics.webhookEvents.inc({ type: event.type, status: outcome.status });
      this.log.info(
        { eventId: event.id, type: event.type, status: outcome.status, result: outcome.result },
        'stripe webhook',
      );
      return { outcome: outcome.status };
    } catch (error) {
      const message = describe(error);
      await this.events.fail(event.id, message);
      this.metrics.webhookEvents.inc({ type: event.type, status: 'failed' });
      this.metrics.webhookFailures.inc({ type: event.type });
      this.log.error({ err: error, eventId: event.id, type: event.type }, 'stripe webhook failed: Stripe will retry');
      return { outcome: 'failed', error: message };
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof BillingError) return `${error.reason}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
