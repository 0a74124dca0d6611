import express, { Router } from 'express';
import Stripe from 'stripe';
import type { Clock } from '../../../clock.js';
import { holdsNul } from '../../../http/nul-text.js';
import type { Logger } from '../../../observability/logger.js';
import type { BillingMetrics } from '../billing.metrics.js';
import type { StripeGateway } from './stripe-gateway.js';
import type { WebhookProcessor } from './webhook.processor.js';

/** Stripe's default: a signature older than five minutes is a replay attempt. */
const SIGNATURE_TOLERANCE_SECONDS = 300;
const MAX_WEBHOOK_BYTES = 1024 * 1024;

/**
 * POST /webhooks/stripe: verify (raw body) → record → dispatch → answer. 400 only for a bad
 * signature or a signed payload that is no event; an unknown type or customer is 200 (recorded as
 * ignored); a failure is 500 so Stripe retries.
 */
export function stripeWebhookRouter(
  stripe: StripeGateway,
  processor: WebhookProcessor,
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
    try {
      const signature = req.header('stripe-signature') ?? '';
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
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
    if (!isStorableEvent(event)) {
      // Signed, so Stripe (or whoever holds the secret) sent it; a retry would send the same bytes.
      metrics.webhookRejected.inc();
      log.warn('stripe webhook refused: the signed payload is not an event with an id and a type');
      res.status(400).json({ error: 'The payload is not a Stripe event' });
      return;
    }
    metrics.lastVerifiedDelivery.set(clock.now().getTime() / 1000);
    const result = await processor.receive(event).catch((error: unknown) => {
      // Not even recorded (e.g. the database is down): Stripe must retry, and someone must know.
      metrics.webhookFailures.inc({ type: event.type });
      log.error({ err: error, eventId: event.id, type: event.type }, 'stripe webhook could not be recorded');
      return { outcome: 'failed' as const };
    });
    if (result.outcome === 'failed') {
      res.status(500).json({ received: true, status: 'failed' });
      return;
    }
    if (result.outcome === 'in-progress') {
      // Not yet applied by the delivery that is applying it: Stripe retries, and the retry finds it done.
      res.status(409).json({ received: true, status: 'in-progress' });
      return;
    }
    res.json({ received: true, status: result.outcome });
  });
  return router;
}

/** An object with a string id and type, and no NUL character PostgreSQL's jsonb would refuse. */
function isStorableEvent(event: unknown): event is Stripe.Event {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return false;
  const { id, type } = event as Record<string, unknown>;
  return typeof id === 'string' && id !== '' && typeof type === 'string' && type !== '' && !holdsNul(event);
}

/** The `t=` of a Stripe-Signature header (constructEvent has already checked it is there). */
function signedAtSeconds(header: string): number {
  return Number(/(?:^|,)t=(\d+)/.exec(header)?.[1] ?? 0);
}
