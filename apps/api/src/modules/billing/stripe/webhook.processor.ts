import type Stripe from 'stripe';
import type { Logger } from '../../../observability/logger.js';
import { BillingError } from '../billing.errors.js';
import type { BillingMetrics } from '../billing.metrics.js';
import { WEBHOOK_HANDLERS } from './handlers/handler-registry.js';
import type { HandlerContext } from './handlers/webhook-handler.js';
import type { ClaimedEvent, WebhookEventStore } from './webhook-event.store.js';

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
    // Replays are only of failed events, so this one has been tried before.
    return this.apply({ event, attempts: 2, receivedAt: null });
  }

  /** `receivedAt` null: the lag is not measured (a replay says nothing about the worker's lag). */
  async apply({ event, attempts, receivedAt }: Omit<ClaimedEvent, 'receivedAt'> & { receivedAt: Date | null }) {
    if (attempts > 1) this.metrics.webhookRetries.inc({ type: event.type });
    const handler = WEBHOOK_HANDLERS[event.type];
    try {
      const outcome = handler
        ? await handler(event, this.context)
        : { status: 'ignored' as const, organizationId: null, result: `event type ${event.type} is not handled` };
      await this.events.finish(event.id, outcome.status, outcome.organizationId, outcome.result);
      this.metrics.webhookEvents.inc({ type: event.type, status: outcome.status });
      if (receivedAt) this.metrics.webhookApplyLag.observe((Date.now() - receivedAt.getTime()) / 1000);
      this.log.info(
        { eventId: event.id, type: event.type, status: outcome.status, result: outcome.result },
        'stripe webhook',
      );
      return { outcome: outcome.status } satisfies WebhookResult;
    } catch (error) {
      const message = describe(error);
      await this.events.fail(event.id, message, this.retryBaseMs);
      this.metrics.webhookEvents.inc({ type: event.type, status: 'failed' });
      this.metrics.webhookFailures.inc({ type: event.type });
      this.log.error({ err: error, eventId: event.id, type: event.type, attempts }, 'stripe webhook failed to apply');
      return { outcome: 'failed', error: message } satisfies WebhookResult;
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof BillingError) return `${error.reason}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
