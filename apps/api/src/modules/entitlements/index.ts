/**
 * The entitlements module's one entry point: the plan catalog, which plan an organization is on
 * (read from billing through the SubscriptionLookup port, once per request), its usage counters,
 * and the `plans`/`plan`/`usage`/`subscription` queries. Code outside the module imports only this file.
 */
import type { CoreDeps, ModuleDefinition } from '../module.js';
import { EntitlementsService } from './entitlements.service.js';
import { Migration20261125000002Usage } from './migrations/Migration20261125000002Usage.js';
import { Migration20261202170000UsageDaily } from './migrations/Migration20261202170000UsageDaily.js';
import { Migration20261203070000QuotaFunction } from './migrations/Migration20261203070000QuotaFunction.js';
import { PlansResolver } from './plans.resolver.js';
import type { SubscriptionLookup } from './subscription-lookup.js';
import { SubscriptionResolver } from './subscription.resolver.js';
import { UsageResolver } from './usage.resolver.js';
import { UsageService } from './usage.service.js';

export { EntitlementsService, type Entitlements, type EntitlementsReader } from './entitlements.service.js';
export { assertLookbackInPlan, assertModelsInPlan } from './plan-features.js';
export { FeatureNotInPlanError } from './plans.errors.js';
export { AttributionModelEnum, PlanTierEnum } from './plans.types.js';
export type { PlanChangeFields } from './plan-change.types.js';
export type {
  ActiveSubscription,
  BillingAccountLookup,
  BillingAccountState,
  BillingAction,
  SubscriptionAccess,
  SubscriptionLookup,
  SubscriptionState,
} from './subscription-lookup.js';
export { BillingSubscriptionObject, toBillingSubscriptionObject } from './subscription.types.js';
export { PlanLimitExceededError } from './usage.errors.js';
export { UsageObject } from './usage.types.js';
export { takeTogether, type PendingReservation, type UsageService } from './usage.service.js';

export interface EntitlementsServices {
  /** forOrganization(id): tier, period, limits, subscription; forRequest() memoizes it for one request. */
  entitlements: EntitlementsService;
  usage: UsageService;
}

/** Which plan an organization is on comes from billing, through this port. */
export interface EntitlementsNeeds extends CoreDeps {
  subscriptions: SubscriptionLookup;
}

/** Its part of the registry (modules/index.ts): its one table (usage_counter) is read in SQL, so no entities. */
export const entitlementsModule: ModuleDefinition<EntitlementsNeeds, EntitlementsServices> = {
  name: 'entitlements',
  entities: [],
  resolvers: [PlansResolver, UsageResolver, SubscriptionResolver],
  migrations: [
    { name: 'Migration20261125000002Usage', class: Migration20261125000002Usage },
    { name: 'Migration20261202170000UsageDaily', class: Migration20261202170000UsageDaily },
    { name: 'Migration20261203070000QuotaFunction', class: Migration20261203070000QuotaFunction },
  ],
  create: ({ orm, clock, config, subscriptions }) => ({
    entitlements: new EntitlementsService(subscriptions, clock),
    usage: new UsageService(orm, config.server.upgradeUrl, clock),
  }),
};
