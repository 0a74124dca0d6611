import type { Router } from 'express';
import type { Clock } from '../../clock.js';
import type { AppConfig } from '../../config/env.js';
import type { Orm } from '../../db/orm.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { AccountsService } from '../accounts/index.js';
import type { MailService } from '../mail/index.js';
import { BillingInvoices } from './billing-invoices.js';
import { BillingSubscriptionLookup } from './billing-subscription-lookup.js';
import { BillingCustomers } from './billing-customers.js';
import { createBillingMetrics } from './billing.metrics.js';
import { DeletedCustomers } from './deleted-customers.js';
import { BillingService } from './billing.service.js';
import { CheckoutService } from './checkout.service.js';
import { DowngradeSchedules } from './downgrade-schedules.js';
import { DunningMailer } from './dunning.mailer.js';
import { BillingIncidentStore } from './incidents/billing-incident.store.js';
import { DuplicateSettlement } from './incidents/duplicate-settlement.js';
import { BillingOverviewService } from './overview/billing-overview.service.js';
import { PlanChangePreviews } from './plan-change-preview.js';
import { PlanChangeService } from './plan-change.service.js';
import { PortalService } from './portal/portal.service.js';
import { startReconcileScheduler, type ReconcileScheduler } from './reconcile/reconcile.scheduler.js';
import { ReceiptMailer } from './receipt.mailer.js';
import { ReconciliationService } from './reconcile/reconciliation.service.js';
import { webhookReceiverOf, type StripeConnection } from './stripe/stripe-connection.js';
import { StripeGateway } from './stripe/stripe-gateway.js';
import { WebhookEventStore } from './stripe/webhook-event.store.js';
import { WebhookProcessor } from './stripe/webhook.processor.js';
import { stripeWebhookRouter } from './stripe/webhook.route.js';
import { WebhookWorker } from './stripe/webhook.worker.js';
import { SubscriptionResume } from './subscription-resume.js';
import { SubscriptionSync } from './subscription-sync.js';
import { SubscriptionStore } from './subscription.store.js';

export interface BillingDeps {
  orm: Orm;
  clock: Clock;
  config: AppConfig;
  log: Logger;
  metrics: Metrics;
  mail: MailService;
  accounts: AccountsService;
  /** Null: Stripe calls fail with BILLING_PROVIDER_UNAVAILABLE, subscriptions are still read. */
  stripe: StripeConnection | null;
}

export interface Billing {
  readonly service: BillingService;
  /** Whether the plan applies, and the billing account the API shows (subscription-access.ts rules). */
  readonly subscriptions: BillingSubscriptionLookup;
  readonly reconciliation: ReconciliationService;
  readonly incidents: BillingIncidentStore;
  readonly overview: BillingOverviewService;
  webhookRouter(): Router;
  /**
   * Starts applying webhook events from the log, and the daily reconciliation when configured (a
   * schedule and a Stripe connection), on the app's database.
   */
  startScheduler(databaseUrl: string): Promise<void>;
  stop(): Promise<void>;
}

export function createBilling({ orm, clock, config, log, metrics, mail, accounts, stripe }: BillingDeps): Billing {
  const publicUrl = config.server.publicUrl;
  const gateway = new StripeGateway(stripe, config.billing);
  const billingMetrics = createBillingMetrics(metrics);
  const store = new SubscriptionStore();
  const customers = new BillingCustomers(orm, clock);
  const incidents = new BillingIncidentStore(orm);
  const sync = new SubscriptionSync(
    orm,
    gateway,
    customers,
    store,
    incidents,
    new DuplicateSettlement(gateway, incidents, clock, log),
    clock,
  );
  const events = new WebhookEventStore(orm, clock, stripe ? webhookReceiverOf(stripe) : null);
  const dunning = new DunningMailer(accounts, mail, billingMetrics, publicUrl);
  const processor = new WebhookProcessor(
    events,
    {
      sync,
      dunning,
      receipts: new ReceiptMailer(accounts, mail),
      stripe: gateway,
      deletedCustomers: new DeletedCustomers(orm, store, sync, customers),
    },
    billingMetrics,
    log,
    config.billing.webhookRetry.baseMs,
  );
  const worker = new WebhookWorker(events, processor, config.billing.webhookRetry.maxAttempts, billingMetrics, log);
  const reconciliation = new ReconciliationService(orm, store, gateway, sync, billingMetrics, clock, log);
  const planChanges = new PlanChangeService(
    orm,
    gateway,
    store,
    sync,
    new DowngradeSchedules(gateway),
    clock,
    config.billing.pastDueGraceDays,
  );
  const service = new BillingService(
    new CheckoutService(gateway, customers, orm, store, accounts, publicUrl, clock),
    new PortalService(gateway, customers, publicUrl, log),
    planChanges,
    new PlanChangePreviews(planChanges, gateway),
    new BillingInvoices(customers, gateway),
    events,
    processor,
    new SubscriptionResume(orm, gateway, store, sync),
  );
  let scheduler: ReconcileScheduler | null = null;
  return {
    service,
    subscriptions: new BillingSubscriptionLookup(orm, store, customers, clock, config.billing.pastDueGraceDays),
    reconciliation,
    incidents,
    overview: new BillingOverviewService(orm, store, clock, accounts, config.billing.pastDueGraceDays),
    webhookRouter: () => stripeWebhookRouter(gateway, events, worker, billingMetrics, clock, log),
    async startScheduler(databaseUrl) {
      if (gateway.connected) worker.start();
      const cron = config.billing.reconcileSchedule;
      if (!cron || !gateway.connected || scheduler) return;
      scheduler = await startReconcileScheduler(databaseUrl, cron, reconciliation, log);
    },
    async stop() {
      await worker.stop();
      await scheduler?.stop();
      scheduler = null;
    },
  };
}
