import { Counter, Gauge } from 'prom-client';
import type { Metrics } from '../../observability/metrics.js';

export interface BillingMetrics {
  webhookEvents: Counter<'type' | 'status'>;
  webhookFailures: Counter<'type'>;
  webhookRejected: Counter;
  /** Silence alerts too: Stripe normally sends something every day. */
  lastVerifiedDelivery: Gauge;
  reconcileRepairs: Counter;
  reconcileFailures: Counter;
  reconcileMissing: Counter;
}

export function createBillingMetrics({ registry }: Metrics): BillingMetrics {
  return {
    webhookEvents: new Counter({
      name: 'aa_stripe_webhook_events_total',
      help: 'Verified Stripe webhook deliveries by event type and outcome',
      labelNames: ['type', 'status'],
      registers: [registry],
    }),
    webhookFailures: new Counter({
      name: 'aa_stripe_webhook_failures_total',
      help: 'Stripe webhook deliveries that failed to apply (answered 5xx, Stripe retries)',
      labelNames: ['type'],
      registers: [registry],
    }),
    webhookRejected: new Counter({
      name: 'aa_stripe_webhook_rejected_total',
      help: 'Stripe webhook deliveries refused for a missing or bad signature',
      registers: [registry],
    }),
    lastVerifiedDelivery: new Gauge({
      name: 'aa_stripe_webhook_last_verified_timestamp_seconds',
      help: 'Unix time of the last Stripe webhook delivery whose signature verified',
      registers: [registry],
    }),
    reconcileRepairs: new Counter({
      name: 'aa_billing_reconcile_repairs_total',
      help: 'Subscription rows the reconciliation found out of step with Stripe and repaired',
      registers: [registry],
    }),
    reconcileFailures: new Counter({
      name: 'aa_billing_reconcile_failures_total',
      help: 'Subscriptions the reconciliation could not reconcile (and Stripe listings it could not read); the run goes on',
      registers: [registry],
    }),
    reconcileMissing: new Counter({
      name: 'aa_billing_reconcile_missing_in_stripe_total',
      help: 'Live subscription rows whose subscription Stripe does not have; the reconciliation ended them (FREE)',
      registers: [registry],
    }),
  };
}
