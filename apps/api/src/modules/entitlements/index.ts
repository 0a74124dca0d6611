/**
 * The entitlements module's one entry point: the plan catalog, which plan an organization is on
 * (read from billing through the SubscriptionLookup port, once per request), its usage counters,
 * and the `plans`/`plan`/`usage`/`subscription` queries. Code outside the module imports only this file.
 */
import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import type { ApiModule } from '../module.js';
import { EntitlementsService } from './entitlements.service.js';
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
  SubscriptionLookup,
  SubscriptionState,
} from './subscription-lookup.js';
export { BillingSubscriptionObject, toBillingSubscriptionObject } from './subscription.types.js';
export { PlanLimitExceededError } from './usage.errors.js';
export type { UsageService } from './usage.service.js';

export interface EntitlementsServices {
  entitlements: EntitlementsService;
  usage: UsageService;
}

export function createEntitlementsServices(
  orm: Orm,
  clock: Clock,
  subscriptions: SubscriptionLookup,
  upgradeUrl: string,
): EntitlementsServices {
  return { entitlements: new EntitlementsService(subscriptions, clock), usage: new UsageService(orm, upgradeUrl) };
}

/** Its part of the registry (modules/index.ts): its one table (usage_counter) is read in SQL, so no entities. */
export const entitlementsModule: ApiModule = {
  name: 'entitlements',
  entities: [],
  resolvers: [PlansResolver, UsageResolver, SubscriptionResolver],
};
