import type { Router } from 'express';
import type { Clock } from '../../clock.js';
import type { AppConfig } from '../../config/env.js';
import type { Orm } from '../../db/orm.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { AccountsService } from '../accounts/index.js';
import type { MailService } from '../mail/index.js';
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
import { PlanChangeService } from './plan-change.service.js';
import { PortalService } from './portal/portal.service.js';
import { startReconcileScheduler, type ReconcileScheduler } from './reconcile/reconcile.scheduler.js';
import { ReconciliationService } from './reconcile/reconciliation.service.js';
import type { StripeConnection } from './stripe/stripe-connection.js';
import { StripeGateway } from './stripe/stripe-gateway.js';
import { WebhookEventStore } from './stripe/webhook-event.store.js';
import { WebhookProcessor } from './stripe/webhook.processor.js';
import { stripeWebhookRouter } from './stripe/webhook.route.js';
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
  /** Starts the daily reconciliation when configured (a schedule and a Stripe connection), on the app's database. */
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
  const events = new WebhookEventStore(orm, clock);
  const dunning = new DunningMailer(accounts, mail, billingMetrics, publicUrl);
  const processor = new WebhookProcessor(
    events,
    { sync, dunning, stripe: gateway, deletedCustomers: new DeletedCustomers(orm, store, sync, customers) },
    billingMetrics,
    log,
  );
  const reconciliation = new ReconciliationService(orm, store, gateway, sync, billingMetrics, clock, log);
  const service = new BillingService(
    new CheckoutService(gateway, customers, orm, store, accounts, publicUrl, clock),
    new PortalService(gateway, customers, publicUrl, log),
    new PlanChangeService(
      orm,
      gateway,
      store,
      sync,
      new DowngradeSchedules(gateway),
      clock,
      config.billing.pastDueGraceDays,
    ),
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
    webhookRouter: () => stripeWebhookRouter(gateway, processor, billingMetrics, clock, log),
    async startScheduler(databaseUrl) {
      const cron = config.billing.reconcileSchedule;
      if (!cron || !gateway.connected || scheduler) return;
      scheduler = await startReconcileScheduler(databaseUrl, cron, reconciliation, log);
    },
    async stop() {
      await scheduler?.stop();
      scheduler = null;
    },
  };
}
