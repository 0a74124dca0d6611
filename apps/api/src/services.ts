import type { Clock } from './clock.js';
import type { AppConfig } from './config/env.js';
import type { Orm } from './db/orm.js';
import { AccountsService } from './modules/accounts/accounts.service.js';
import { ApiKeysService } from './modules/accounts/api-keys.service.js';
import { JourneysService } from './modules/journeys/journeys.service.js';
import { OrganizationPlanService } from './modules/plans/organization-plan.service.js';
import type { SubscriptionLookup } from './modules/subscriptions/subscription-lookup.js';
import { UsageService } from './modules/usage/usage.service.js';

/** Every module's service, built once per app and handed to resolvers through the GraphQL context. */
export interface Services {
  accounts: AccountsService;
  apiKeys: ApiKeysService;
  plans: OrganizationPlanService;
  usage: UsageService;
  journeys: JourneysService;
  subscriptions: SubscriptionLookup;
}

export interface ServiceDeps {
  orm: Orm;
  clock: Clock;
  config: AppConfig;
  subscriptions: SubscriptionLookup;
}

export function createServices({ orm, clock, config, subscriptions }: ServiceDeps): Services {
  const upgradeUrl = `${config.server.publicUrl}/pricing`;
  const plans = new OrganizationPlanService(subscriptions, clock);
  return {
    accounts: new AccountsService(orm, clock, config.auth),
    apiKeys: new ApiKeysService(orm, clock),
    plans,
    usage: new UsageService(orm, plans, upgradeUrl),
    journeys: new JourneysService(orm, clock, plans, upgradeUrl),
    subscriptions,
  };
}
