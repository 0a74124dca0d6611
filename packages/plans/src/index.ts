export { PLAN_CATALOG, PLAN_TIERS, USAGE_METRICS } from './catalog.js';
export type { PaidPlanTier, Plan, PlanLimits, PlanTier, StripeProduct, UsageMetric } from './catalog.js';
export { UnknownPlanTierError, featureNotInPlanMessage, limitExceededMessage } from './errors.js';
export type { GatedFeature, LimitExceededDetails } from './errors.js';
export {
  allowsLookback,
  allowsModel,
  capabilitiesOf,
  cheapestPlanUnlocking,
  comparePlans,
  isPaidPlanTier,
  nextPlanUp,
  paidPlans,
  planOf,
} from './rules.js';
