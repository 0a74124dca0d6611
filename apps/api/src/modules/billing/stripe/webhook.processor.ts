import type Stripe from 'stripe';
import type { Logger } from '../../../observability/logger.js';
import { BillingError } from '../billing.errors.js';
import type { BillingMetrics } from '../billing.metrics.js';
import { WEBHOOK_HANDLERS } from './handlers/handler-registry.js';
import type { HandlerContext } from './handlers/webhook-handler.js';
import { claimedReplay, type ClaimedEvent, type WebhookEventStore } from './webhook-event.store.js';

/** `in-progress`: the event is being applied right now (by the worker of some instance). */
export type WebhookResult =
  { outcome: 'processed' | 'ignored' | 'duplicate' | 'in-progress' } | { outcome: 'failed'; error: string };

/** Applies a claimed event: dispatch to the handler for its type, note the outcome. Never swallows a failure. */
export class WebhookProcessor {
  constructor(
    private readonly events: WebhookEventStore,
    private readonly context: HandlerContext,
    private readonly metrics: BillingMetrics,
    private readonly log: Logger,
    private readonly retryBaseMs: number,
  ) {}

  /** The admin's replay: a failed event runs again at once from its stored payload. */
  async process(event: Stripe.Event): Promise<WebhookResult> {
    if (!(await this.events.claim(event.id))) {
      const status = await this.events.statusOf(event.id);
      return { outcome: status === 'processed' || status === 'ignored' ? 'duplicate' : 'in-progress' };
    }
    return this.applyTogether([claimedReplay(event)]);
  }

  /**
   * Claimed events that one run of their handler settles (they share a coalescing key, see
   * handler-registry.ts): the handler runs once, for the first, and every one of them ends with its
   * outcome. The run starts after each of them was recorded, so what it fetches from Stripe is at
   * least as new as any of them.
   */
  async applyTogether(claimed: readonly ClaimedEvent[]): Promise<WebhookResult> {
    const first = claimed[0]!;
    const ids = claimed.map((one) => one.id);
    for (const one of claimed) if (one.attempts > 1) this.metrics.webhookRetries.inc({ type: one.type });
    const handler = WEBHOOK_HANDLERS[first.type];
    try {
      const outcome = handler
        ? await handler(await first.load(), this.context)
        : { status: 'ignored' as const, organizationId: null, result: `event type ${first.type} is not handled` };
      await this.events.finish(ids, outcome.status, outcome.organizationId, outcome.result);
      for (const one of claimed) {
        const { receivedAt } = one;
        this.metrics.webhookEvents.inc({ type: one.type, status: outcome.status });
        if (receivedAt) this.metrics.webhookApplyLag.observe((Date.now() - receivedAt.getTime()) / 1000);
      }
      // One line per run, every event of it by id: a burst about one subscription is hundreds of events.
      this.log.info(
        { eventId: first.id, type: first.type, status: outcome.status, result: outcome.result, eventIds: ids },
        'stripe webhook',
      );
      return { outcome: outcome.status } satisfies WebhookResult;
    } catch (error) {
      const message = describe(error);
      await this.events.fail(ids, message, this.retryBaseMs);
      for (const one of claimed) {
        this.metrics.webhookEvents.inc({ type: one.type, status: 'failed' });
        this.metrics.webhookFailures.inc({ type: one.type });
        this.log.error(
          { err: error, eventId: one.id, type: one.type, attempts: one.attempts },
          'stripe webhook failed to apply',
        );
      }
      return { outcome: 'failed', error: message } satisfies WebhookResult;
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof BillingError) return `${error.reason}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
