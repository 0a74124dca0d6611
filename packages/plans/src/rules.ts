import type { AttributionModelId } from '@aa/attribution';
import { PLAN_CATALOG, PLAN_TIERS, type PaidPlanTier, type Plan, type PlanLimits, type PlanTier } from './catalog.js';
import { UnknownPlanTierError } from './errors.js';

/** True for a tier sold through Stripe; also narrows strings read back from Stripe metadata. */
export function isPaidPlanTier(value: string): value is PaidPlanTier {
  return PLAN_CATALOG.some((plan) => plan.tier === value && plan.stripe !== null);
}

export function planOf(tier: PlanTier): Plan {
  const plan = PLAN_CATALOG.find((candidate) => candidate.tier === tier);
  if (!plan) throw new UnknownPlanTierError(tier);
  return plan;
}

export function capabilitiesOf(tier: PlanTier): PlanLimits {
  return planOf(tier).limits;
}

export function allowsModel(tier: PlanTier, model: AttributionModelId): boolean {
  return capabilitiesOf(tier).models.includes(model);
}

export function allowsLookback(tier: PlanTier, days: number): boolean {
  return days <= capabilitiesOf(tier).lookbackDays;
}

/** Paid plans are ordered by price; used to tell an upgrade from a downgrade. */
export function comparePlans(a: PlanTier, b: PlanTier): number {
  return PLAN_TIERS.indexOf(a) - PLAN_TIERS.indexOf(b);
}

export function paidPlans(): Plan[] {
  return PLAN_CATALOG.filter((plan) => plan.stripe !== null);
}
