import { Counter, Gauge, Histogram } from 'prom-client';
import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import type { Metrics } from '../../observability/metrics.js';
import { WebhookEventStore } from './stripe/webhook-event.store.js';
import { SubscriptionStore } from './subscription.store.js';

/** Kinds of dunning mail, each a label value of aa_billing_dunning_mails_total. */
export const DUNNING_MAIL_KINDS = ['payment_failed', 'trial_ending'] as const;
export type DunningMailKind = (typeof DUNNING_MAIL_KINDS)[number];

/** How long after a stored period end a renewal counts as unheard of (Stripe renews at the period end). */
const RENEWAL_OVERDUE_AFTER_MS = 2 * 3600_000;

export interface BillingMetrics {
  webhookEvents: Counter<'type' | 'status'>;
  webhookFailures: Counter<'type'>;
  webhookRejected: Counter;
  /** Applies of an event that had failed before (the worker's retries and the admin's replays). */
  webhookRetries: Counter<'type'>;
  /** Claimed events a worker gave back to the log unapplied, by why: it was stopping, or they waited too long. */
  webhookClaimsReleased: Counter<'reason'>;
  /** From an event's durable record to its apply (processed or ignored). */
  webhookApplyLag: Histogram;
  /** This instance's last verified delivery; the silence alert reads the database-backed gauge instead (all instances, survives restarts). */
  lastVerifiedDelivery: Gauge;
  reconcileRepairs: Counter;
  reconcileFailures: Counter;
  reconcileMissing: Counter;
  /** Incremented by whoever sends a dunning mail, once per mail actually sent (not for a deduplicated one). */
  dunningMails: Counter<'kind'>;
}

export function createBillingMetrics({ registry }: Metrics): BillingMetrics {
  return {
    webhookEvents: new Counter({
      name: 'aa_stripe_webhook_events_total',
      help: 'Stripe webhook events by type and outcome: received or duplicate on delivery, processed, ignored or failed on apply',
      labelNames: ['type', 'status'],
      registers: [registry],
    }),
    webhookFailures: new Counter({
      name: 'aa_stripe_webhook_failures_total',
      help: 'Stripe webhook event applies that failed (retried with backoff from the durable log)',
      labelNames: ['type'],
      registers: [registry],
    }),
    webhookRejected: new Counter({
      name: 'aa_stripe_webhook_rejected_total',
      help: 'Stripe webhook deliveries refused for a missing or bad signature',
      registers: [registry],
    }),
    webhookRetries: new Counter({
      name: 'aa_stripe_webhook_retries_total',
      help: 'Stripe webhook event applies after an earlier failed attempt',
      labelNames: ['type'],
      registers: [registry],
    }),
    webhookClaimsReleased: new Counter({
      name: 'aa_stripe_webhook_claims_released_total',
      help: 'Claimed Stripe webhook events given back to the log unapplied: the instance was stopping, or they waited in its queue too long',
      labelNames: ['reason'],
      registers: [registry],
    }),
    webhookApplyLag: new Histogram({
      name: 'aa_stripe_webhook_apply_lag_seconds',
      help: 'Seconds from a Stripe webhook event being recorded to its apply',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
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
    dunningMails: zeroed(
      new Counter({
        name: 'aa_billing_dunning_mails_total',
        help: 'Dunning mails sent to organization owners, by kind (payment_failed, trial_ending)',
        labelNames: ['kind'],
        registers: [registry],
      }),
      DUNNING_MAIL_KINDS,
    ),
  };
}

/** Every kind starts at 0, so the first mail is already an increase() for Prometheus. */
function zeroed(counter: Counter<'kind'>, kinds: readonly string[]): Counter<'kind'> {
  for (const kind of kinds) counter.inc({ kind }, 0);
  return counter;
}

/**
 * Gauges read from the database at each scrape, so every instance reports the same values and a
 * restart loses nothing: what the alert rules compare the webhook traffic with.
 */
export function registerBillingStateGauges({ registry }: Metrics, orm: Orm, clock: Clock): void {
  // A database outage keeps the last values instead of failing all of /metrics; /readyz reports it.
  const read = <T>(value: Promise<T>): Promise<T | undefined> => value.catch(() => undefined);
  const subscriptions = new SubscriptionStore();
  const events = new WebhookEventStore(orm, clock);
  new Gauge({
    name: 'aa_billing_subscriptions',
    help: 'Subscriptions Stripe still bills or may bill (every status but canceled and incomplete_expired), by plan and status',
    labelNames: ['plan_tier', 'status'],
    registers: [registry],
    async collect() {
      const rows = await read(subscriptions.countLive(orm));
      if (!rows) return;
      this.reset();
      for (const row of rows) this.set({ plan_tier: row.planTier, status: row.status }, row.count);
    },
  });
  new Gauge({
    name: 'aa_billing_subscriptions_renewal_overdue',
    help: 'Active, trialing or past_due subscriptions whose stored period ended over 2 hours ago: Stripe renewed or ended them and no webhook said so',
    registers: [registry],
    async collect() {
      const overdue = await read(
        subscriptions.countRenewalOverdue(orm, new Date(clock.now().getTime() - RENEWAL_OVERDUE_AFTER_MS)),
      );
      if (overdue !== undefined) this.set(overdue);
    },
  });
  new Gauge({
    name: 'aa_stripe_webhook_last_received_timestamp_seconds',
    help: 'Unix time of the last Stripe webhook event received by any instance (0: none ever)',
    registers: [registry],
    async collect() {
      const received = await read(events.lastReceivedAt());
      if (received === undefined) return;
      this.set(received ? received.getTime() / 1000 : 0);
    },
  });
}
