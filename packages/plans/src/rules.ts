import type { AttributionModelId } from '@aa/attribution';
import { PLAN_CATALOG, PLAN_TIERS, type PaidPlanTier, type Plan, type PlanLimits, type PlanTier } from './catalog.js';
import { UnknownPlanTierError, type GatedFeature } from './errors.js';

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

function unlocks(plan: Plan, feature: GatedFeature): boolean {
  switch (feature.kind) {
    case 'model':
      return (plan.limits.models as readonly string[]).includes(feature.model);
    case 'lookback':
      return feature.days <= plan.limits.lookbackDays;
    case 'exports':
      return plan.limits.exports;
  }
}

/**
 * The cheapest plan that includes `feature` (what an upsell offers); null when no plan does, e.g. a
 * lookback longer than any plan's. The catalog is ordered by price, so the first match is the cheapest.
 */
export function cheapestPlanUnlocking(feature: GatedFeature): Plan | null {
  return PLAN_CATALOG.find((plan) => unlocks(plan, feature)) ?? null;
}

/** The plan above `tier` (what lifts a used-up quota); null on the top plan. */
export function nextPlanUp(tier: PlanTier): Plan | null {
  return PLAN_CATALOG[PLAN_TIERS.indexOf(tier) + 1] ?? null;
}
