import express, { Router } from 'express';
import Stripe from 'stripe';
import type { Clock } from '../../../clock.js';
import { holdsUnstorableText } from '../../../http/storable-text.js';
import type { Logger } from '../../../observability/logger.js';
import type { BillingMetrics } from '../billing.metrics.js';
import type { StripeGateway } from './stripe-gateway.js';
import type { WebhookEventStore } from './webhook-event.store.js';
import type { WebhookWorker } from './webhook.worker.js';

/** Stripe's default: a signature older than five minutes is a replay attempt. */
const SIGNATURE_TOLERANCE_SECONDS = 300;
const MAX_WEBHOOK_BYTES = 1024 * 1024;

/**
 * POST /webhooks/stripe: verify (raw body) → record durably (one INSERT, nothing for a redelivery) →
 * answer 200; the worker applies it from the log. 400 only for a bad signature or a signed payload
 * that is no event; 500 only when the event could not be recorded, so Stripe retries.
 */
export function stripeWebhookRouter(
  stripe: StripeGateway,
  events: WebhookEventStore,
  worker: WebhookWorker,
  metrics: BillingMetrics,
  clock: Clock,
  log: Logger,
): Router {
  const router = Router();
  router.post('/webhooks/stripe', express.raw({ type: () => true, limit: MAX_WEBHOOK_BYTES }), async (req, res) => {
    if (!stripe.connected) {
      res.status(503).json({ error: 'Stripe is not configured on this server' });
      return;
    }
    let event: Stripe.Event;
    // The body as text once: the SDK verifies and parses this string (its one JSON.parse), and the log stores it as sent.
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    try {
      const signature = req.header('stripe-signature') ?? '';
      event = Stripe.webhooks.constructEvent(body, signature, stripe.webhookSecret(), SIGNATURE_TOLERANCE_SECONDS);
      // The SDK refuses only old signatures; one dated ahead could be replayed for the same five minutes later.
      if (signedAtSeconds(signature) - Date.now() / 1000 > SIGNATURE_TOLERANCE_SECONDS) {
        throw new Error('Timestamp is in the future beyond the tolerance zone');
      }
    } catch (error) {
      metrics.webhookRejected.inc();
      // Only the message: the SDK's error also carries the Stripe-Signature header (redacted from request
      // logs) and the unverified payload as properties, which an `err` serializer would write out.
      log.warn(
        { reason: error instanceof Error ? error.message : String(error) },
        'stripe webhook refused: signature did not verify',
      );
      res.status(400).json({ error: 'Webhook signature verification failed' });
      return;
    }
    if (!isStorableEvent(event, body)) {
      // Signed, so Stripe (or whoever holds the secret) sent it; a retry would send the same bytes.
      metrics.webhookRejected.inc();
      log.warn('stripe webhook refused: the signed payload is not an event with an id and a type');
      res.status(400).json({ error: 'The payload is not a Stripe event' });
      return;
    }
    metrics.lastVerifiedDelivery.set(clock.now().getTime() / 1000);
    let recorded: boolean;
    try {
      recorded = await events.record(event, body);
    } catch (error) {
      // Not recorded (e.g. the database is down): Stripe must retry, and someone must know.
      metrics.webhookFailures.inc({ type: event.type });
      log.error({ err: error, eventId: event.id, type: event.type }, 'stripe webhook could not be recorded');
      res.status(500).json({ received: true, status: 'failed' });
      return;
    }
    const status = recorded ? 'received' : 'duplicate';
    metrics.webhookEvents.inc({ type: event.type, status });
    if (recorded) worker.nudge();
    res.json({ received: true, status });
  });
  return router;
}

/** The widths of stripe_webhook_event's id and type columns. */
const MAX_EVENT_ID_LENGTH = 255;
const MAX_EVENT_TYPE_LENGTH = 128;

/**
 * The log keeps the body as sent (a `json` column), but the admin view reads fields out of it, and
 * PostgreSQL cannot turn U+0000 or a lone surrogate escape into text. Both reach a parsed string only
 * through a `\u` escape (a raw control character is no JSON, and decoded UTF-8 holds no lone
 * surrogate), so a body without one (every real event) skips the walk over the parsed event.
 */
const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/** An object with an id and a type that fit their columns, and no text PostgreSQL could not read back. */
function isStorableEvent(event: unknown, body: string): event is Stripe.Event {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return false;
  const { id, type } = event as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    id.length <= MAX_EVENT_ID_LENGTH &&
    typeof type === 'string' &&
    type.length > 0 &&
    type.length <= MAX_EVENT_TYPE_LENGTH &&
    !(UNSTORABLE_ESCAPE.test(body) && holdsUnstorableText(event))
  );
}

/** The `t=` of a Stripe-Signature header (constructEvent has already checked it is there). */
function signedAtSeconds(header: string): number {
  return Number(/(?:^|,)t=(\d+)/.exec(header)?.[1] ?? 0);
}
