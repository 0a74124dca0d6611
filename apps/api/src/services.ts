import type { Clock } from './clock.js';
import type { AppConfig } from './config/env.js';
import type { Orm } from './db/orm.js';
import { AccountsService } from './modules/accounts/accounts.service.js';
import { ApiKeysService } from './modules/accounts/api-keys.service.js';
import { createBilling, type Billing } from './modules/billing/billing.module.js';
import type { StripeConnection } from './modules/billing/stripe/stripe-connection.js';
import { createAttributionServices, type AttributionServices } from './modules/attribution/index.js';
import { MailService } from './modules/mail/mail.service.js';
import { accountsOfPlanLookup } from './modules/billing/plan-only-accounts.js';
import {
  createEntitlementsServices,
  type BillingAccountLookup,
  type EntitlementsService,
  type SubscriptionLookup,
  type UsageService,
} from './modules/entitlements/index.js';
import type { Logger } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';

/** Every module's service, built once per app and handed to resolvers through the GraphQL context. */
export interface Services {
  accounts: AccountsService;
  apiKeys: ApiKeysService;
  /** forOrganization(id): tier, period, limits, subscription; forRequest() memoizes it for one request. */
  entitlements: EntitlementsService;
  usage: UsageService;
  attribution: AttributionServices;
  mail: MailService;
  billing: Billing;
  /** The billing account the API shows; follows the subscription lookup when a test replaces it. */
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

export function createServices({
  orm,
  clock,
  config,
  log,
  metrics,
  stripe,
  subscriptions: lookup,
}: ServiceDeps): Services {
  const { upgradeUrl } = config.server;
  const accounts = new AccountsService(orm, clock, config.auth);
  const mail = new MailService(orm, clock, config.mail);
  const billing = createBilling({ orm, clock, config, log, metrics, mail, accounts, stripe });
  const subscriptions = lookup ?? billing.subscriptions;
  const { entitlements, usage } = createEntitlementsServices(orm, clock, subscriptions, upgradeUrl);
  return {
    accounts,
    apiKeys: new ApiKeysService(orm, clock),
    entitlements,
    usage,
    attribution: createAttributionServices(orm, clock, upgradeUrl),
    mail,
    billing,
    billingAccounts: lookup ? accountsOfPlanLookup(lookup, () => clock.now()) : billing.subscriptions,
  };
}
