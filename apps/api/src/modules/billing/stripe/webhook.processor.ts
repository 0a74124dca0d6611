import type Stripe from 'stripe';
import type { Logger } from '../../../observability/logger.js';
import { BillingError } from '../billing.errors.js';
import type { BillingMetrics } from '../billing.metrics.js';
import { WEBHOOK_HANDLERS } from './handlers/handler-registry.js';
import type { HandlerContext } from './handlers/webhook-handler.js';
import type { WebhookEventStore } from './webhook-event.store.js';

export type WebhookResult = { outcome: 'processed' | 'ignored' | 'duplicate' } | { outcome: 'failed'; error: string };

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
    if (!(await this.events.claim(event.id))) {
      this.metrics.webhookEvents.inc({ type: event.type, status: 'duplicate' });
      return { outcome: 'duplicate' };
    }
    const handler = WEBHOOK_HANDLERS[event.type];
    try {
      const outcome = handler
        ? await handler(event, this.context)
        : { status: 'ignored' as const, organizationId: null, result: `event type ${event.type} is not handled` };
      await this.events.finish(event.id, outcome.status, outcome.organizationId, outcome.result);
      this.metrics.webhookEvents.inc({ type: event.type, status: outcome.status });
      this.log.info({ eventId: event.id, type: event.type, status: outcome.status, result: outcome.result }, 'stripe webhook');
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
