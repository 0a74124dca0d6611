import type { Clock } from './clock.js';
import type { AppConfig } from './config/env.js';
import type { Orm } from './db/orm.js';
import { AccountsService } from './modules/accounts/accounts.service.js';
import { ApiKeysService } from './modules/accounts/api-keys.service.js';
import { createBilling, type Billing } from './modules/billing/billing.module.js';
import type { StripeConnection } from './modules/billing/stripe/stripe-connection.js';
import { createAttributionServices, type AttributionServices } from './modules/attribution/index.js';
import { MailService } from './modules/mail/mail.service.js';
import { OrganizationPlanService } from './modules/plans/organization-plan.service.js';
import { accountsOfPlanLookup, type BillingAccountLookup, type SubscriptionLookup } from './modules/subscriptions/subscription-lookup.js';
import { UsageService } from './modules/usage/usage.service.js';
import type { Logger } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';

/** Every module's service, built once per app and handed to resolvers through the GraphQL context. */
export interface Services {
  accounts: AccountsService;
  apiKeys: ApiKeysService;
  plans: OrganizationPlanService;
  usage: UsageService;
  attribution: AttributionServices;
  mail: MailService;
  billing: Billing;
  subscriptions: SubscriptionLookup;
  /** The billing account the API shows; follows `subscriptions` when that is replaced. */
  billingAccounts: BillingAccountLookup;
}

export interface ServiceDeps {
  orm: Orm;
  clock: Clock;
  config: AppConfig;
  log: Logger;
  metrics: Metrics;
  /** Null: no Stripe to call (billing reads subscriptions but cannot start or change them). */
  stripe: StripeConnection | null;
  /** Replaces billing's Stripe-backed lookup, e.g. to put an organization on a plan in a test. */
  subscriptions?: SubscriptionLookup | undefined;
}

export function createServices({ orm, clock, config, log, metrics, stripe, subscriptions: lookup }: ServiceDeps): Services {
  const { upgradeUrl } = config.server;
  const accounts = new AccountsService(orm, clock, config.auth);
  const mail = new MailService(orm, clock, config.mail);
  const billing = createBilling({ orm, clock, config, log, metrics, mail, accounts, stripe });
  const subscriptions = lookup ?? billing.subscriptions;
  const plans = new OrganizationPlanService(subscriptions, clock);
  return {
    accounts,
    apiKeys: new ApiKeysService(orm, clock),
    plans,
    usage: new UsageService(orm, plans, upgradeUrl),
    attribution: createAttributionServices(orm, clock, plans, upgradeUrl),
    mail,
    billing,
    subscriptions,
    billingAccounts: lookup ? accountsOfPlanLookup(lookup, () => clock.now()) : billing.subscriptions,
  };
}
