import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import type { Clock } from '../../../clock.js';
import type { Orm } from '../../../db/orm.js';
import type { Logger } from '../../../observability/logger.js';
import type { BillingMetrics } from '../billing.metrics.js';
import { callStripe } from '../stripe/stripe-client.js';
import type { StripeGateway } from '../stripe/stripe-gateway.js';
import type { SubscriptionSync } from '../subscription-sync.js';

export interface ReconciliationReport {
  /** Stripe subscriptions looked at. */
  checked: number;
  /** Rows created or changed to match Stripe; each is recorded in billing_repair and logged. */
  repaired: number;
  /** Subscriptions of customers we do not know, or for prices outside our catalog. */
  skipped: number;
}

const PAGE_SIZE = 100;

/** Compares every Stripe subscription with our rows and repairs the drift (missed or lost webhooks). */
export class ReconciliationService {
  constructor(
    private readonly orm: Orm,
    private readonly stripe: StripeGateway,
    private readonly sync: SubscriptionSync,
    private readonly metrics: BillingMetrics,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async run(source: 'schedule' | 'manual'): Promise<ReconciliationReport> {
    const report: ReconciliationReport = { checked: 0, repaired: 0, skipped: 0 };
    const stripe = this.stripe.client();
    let startingAfter: string | undefined;
    for (;;) {
      const page: Stripe.ApiList<Stripe.Subscription> = await callStripe(() =>
        stripe.subscriptions.list({ status: 'all', limit: PAGE_SIZE, ...(startingAfter ? { starting_after: startingAfter } : {}) }),
      );
      for (const subscription of page.data) await this.#reconcileOne(subscription, source, report);
      const last = page.data.at(-1);
      if (!page.has_more || !last) break;
      startingAfter = last.id;
    }
    this.log.info({ ...report, source }, 'billing reconciliation finished');
    return report;
  }

  async #reconcileOne(subscription: Stripe.Subscription, source: string, report: ReconciliationReport): Promise<void> {
    report.checked += 1;
    const outcome = await this.sync.syncFrom(subscription);
    if (outcome.status !== 'synced') {
      report.skipped += 1;
      return;
    }
    if (Object.keys(outcome.changes).length === 0) return;
    report.repaired += 1;
    this.metrics.reconcileRepairs.inc();
    await this.orm.em.fork().execute(
      `insert into billing_repair (id, stripe_subscription_id, organization_id, changes, source, created_at) values (?, ?, ?, ?, ?, ?)`,
      [randomUUID(), subscription.id, outcome.organizationId, JSON.stringify(outcome.changes), source, this.clock.now()],
    );
    this.log.warn(
      { stripeSubscriptionId: subscription.id, organizationId: outcome.organizationId, changes: outcome.changes, created: outcome.created },
      'billing reconciliation repaired a subscription',
    );
  }
}
