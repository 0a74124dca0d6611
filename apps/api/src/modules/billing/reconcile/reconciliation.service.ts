import Stripe from 'stripe';
import type { Clock } from '../../../clock.js';
import type { Orm } from '../../../db/orm.js';
import type { Logger } from '../../../observability/logger.js';
import type { BillingMetrics } from '../billing.metrics.js';
import { callStripe } from '../stripe/stripe-client.js';
import type { StripeGateway } from '../stripe/stripe-gateway.js';
import { SUBSCRIPTION_EXPAND, type SubscriptionSync } from '../subscription-sync.js';
import type { SubscriptionChanges } from '../subscription-changes.js';
import type { SubscriptionStore } from '../subscription.store.js';

export interface ReconciliationFailure {
  /** Null when listing Stripe's subscriptions failed (the run then stops at that page). */
  stripeSubscriptionId: string | null;
  error: string;
}

export interface MissingSubscription {
  stripeSubscriptionId: string;
  organizationId: string;
  /** What the row said before it was ended. */
  status: string;
}

export interface ReconciliationReport {
  /** Stripe subscriptions looked at. */
  checked: number;
  /** Rows created or changed to match Stripe; each is recorded in billing_repair and logged. */
  repaired: number;
  /** Subscriptions of customers we do not know, or for prices outside our catalog. */
  skipped: number;
  /** Subscriptions that could not be reconciled; the run went on with the others. */
  failed: number;
  failures: ReconciliationFailure[];
  /** Live rows whose subscription Stripe does not have (any more): ended, see SubscriptionStore.endVanished. */
  missingInStripe: number;
  missing: MissingSubscription[];
}

export interface ReconciliationOptions {
  /** Subscriptions per Stripe list call (Stripe allows 1 to 100). */
  pageSize?: number;
}

type Source = 'schedule' | 'manual';

const PAGE_SIZE = 100;
/** The listing carries what the sync's own retrieve expands, so a listed subscription is applied as is. */
const LIST_EXPAND = SUBSCRIPTION_EXPAND.expand.map((path) => `data.${path}`);

/**
 * Compares every Stripe subscription with our rows and repairs the drift (missed or lost webhooks),
 * then looks for live rows Stripe no longer has. Each subscription is reconciled on its own: one
 * that fails is reported and counted, and the run goes on.
 */
export class ReconciliationService {
  constructor(
    private readonly orm: Orm,
    private readonly store: SubscriptionStore,
    private readonly stripe: StripeGateway,
    private readonly sync: SubscriptionSync,
    private readonly metrics: BillingMetrics,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async run(source: Source, options: ReconciliationOptions = {}): Promise<ReconciliationReport> {
    const report: ReconciliationReport = {
      checked: 0,
      repaired: 0,
      skipped: 0,
      failed: 0,
      failures: [],
      missingInStripe: 0,
      missing: [],
    };
    const listed = await this.#reconcileListed(source, options.pageSize ?? PAGE_SIZE, report);
    // Without the whole listing every later row would look unlisted; they wait for the next run.
    if (listed) await this.#reconcileUnlisted(listed, source, report);
    const { failures, missing, ...counts } = report;
    const line = { ...counts, source, failures, missing };
    if (report.failed > 0 || report.missingInStripe > 0)
      this.log.warn(line, 'billing reconciliation finished with problems');
    else this.log.info(line, 'billing reconciliation finished');
    return report;
  }

  /** Every subscription in Stripe, page by page; returns the ids seen, or null when a page could not be read. */
  async #reconcileListed(source: Source, pageSize: number, report: ReconciliationReport): Promise<Set<string> | null> {
    const stripe = this.stripe.client();
    const seen = new Set<string>();
    let startingAfter: string | undefined;
    for (;;) {
      let page: Stripe.ApiList<Stripe.Subscription>;
      try {
        page = await callStripe(() =>
          stripe.subscriptions.list({
            status: 'all',
            limit: pageSize,
            expand: LIST_EXPAND,
            ...(startingAfter ? { starting_after: startingAfter } : {}),
          }),
        );
      } catch (error) {
        this.#failed(report, null, error);
        return null;
      }
      for (const subscription of page.data) {
        seen.add(subscription.id);
        await this.#isolated(report, subscription.id, () => this.#reconcileOne(subscription, source, report));
      }
      const last = page.data.at(-1);
      if (!page.has_more || !last) return seen;
      startingAfter = last.id;
    }
  }

  /**
   * Live rows the listing did not show: created since it started (then Stripe has them and they
   * are reconciled like the others), or gone from Stripe (reported and ended).
   */
  async #reconcileUnlisted(listed: Set<string>, source: Source, report: ReconciliationReport): Promise<void> {
    const rows = (await this.store.allLive(this.orm)).filter((row) => !listed.has(row.stripeSubscriptionId));
    for (const row of rows) {
      await this.#isolated(report, row.stripeSubscriptionId, async () => {
        const subscription = await this.#retrieve(row.stripeSubscriptionId);
        if (subscription) await this.#reconcileOne(subscription, source, report);
        else await this.#endVanished(row.stripeSubscriptionId, row.organizationId, source, report);
      });
    }
  }

  async #retrieve(stripeSubscriptionId: string): Promise<Stripe.Subscription | null> {
    try {
      return await callStripe(() =>
        this.stripe.client().subscriptions.retrieve(stripeSubscriptionId, SUBSCRIPTION_EXPAND),
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return null;
      throw error;
    }
  }

  async #reconcileOne(subscription: Stripe.Subscription, source: Source, report: ReconciliationReport): Promise<void> {
    report.checked += 1;
    const outcome = await this.sync.syncFrom(subscription);
    if (outcome.status !== 'synced') {
      report.skipped += 1;
      return;
    }
    if (Object.keys(outcome.changes).length === 0) return;
    report.repaired += 1;
    this.metrics.reconcileRepairs.inc();
    await this.#recordRepair(subscription.id, outcome.organizationId, outcome.changes, source);
    this.log.warn(
      {
        stripeSubscriptionId: subscription.id,
        organizationId: outcome.organizationId,
        changes: outcome.changes,
        created: outcome.created,
      },
      'billing reconciliation repaired a subscription',
    );
  }

  async #endVanished(
    stripeSubscriptionId: string,
    organizationId: string,
    source: Source,
    report: ReconciliationReport,
  ): Promise<void> {
    const status = await this.store.endVanished(this.orm, stripeSubscriptionId, this.clock.now());
    if (status === null) return;
    report.missingInStripe += 1;
    report.missing.push({ stripeSubscriptionId, organizationId, status });
    this.metrics.reconcileMissing.inc();
    await this.#recordRepair(
      stripeSubscriptionId,
      organizationId,
      { status: { from: status, to: 'canceled' } },
      source,
    );
    this.log.warn(
      { stripeSubscriptionId, organizationId, status },
      'billing reconciliation ended a subscription Stripe does not have',
    );
  }

  async #recordRepair(
    stripeSubscriptionId: string,
    organizationId: string,
    changes: SubscriptionChanges,
    source: Source,
  ): Promise<void> {
    await this.store.recordRepair(
      this.orm,
      { stripeSubscriptionId, organizationId, changes, source },
      this.clock.now(),
    );
  }

  async #isolated(
    report: ReconciliationReport,
    stripeSubscriptionId: string,
    work: () => Promise<void>,
  ): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.#failed(report, stripeSubscriptionId, error);
    }
  }

  #failed(report: ReconciliationReport, stripeSubscriptionId: string | null, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    report.failed += 1;
    report.failures.push({ stripeSubscriptionId, error: message });
    this.metrics.reconcileFailures.inc();
    // The message only: Stripe's errors also carry the raw response, which has no place in a log.
    this.log.error({ stripeSubscriptionId, error: message }, 'billing reconciliation failed for a subscription');
  }
}
