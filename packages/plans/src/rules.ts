import type { AttributionModelId } from '@aa/attribution';
import { PLAN_CATALOG, PLAN_TIERS, type PaidPlanTier, type Plan, type PlanLimits, type PlanTier } from './catalog.js';
import { UnknownPlanTierError, type GatedFeature } from './errors.js';

export function isPlanTier(value: string): value is PlanTier {
  return (PLAN_TIERS as readonly string[]).includes(value);
}

/** True for a tier sold through Stripe; also narrows strings read back from Stripe metadata. */
export function isPaidPlanTier(value: string): value is PaidPlanTier {
  return PLAN_CATALOG.some((plan) => plan.tier === value && plan.stripe !== null);
}

export function parsePlanTier(value: string): PlanTier {
  if (!isPlanTier(value)) throw new UnknownPlanTierError(value);
  return value;
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

export function allowsExports(tier: PlanTier): boolean {
  return capabilitiesOf(tier).exports;
}

export function allowsFeature(tier: PlanTier, feature: GatedFeature): boolean {
  switch (feature.kind) {
    case 'model':
      return (capabilitiesOf(tier).models as readonly string[]).includes(feature.model);
    case 'lookback':
      return allowsLookback(tier, feature.days);
    case 'exports':
      return allowsExports(tier);
  }
}

/** The cheapest plan that allows the feature: where an "upgrade" link should lead. */
export function cheapestPlanAllowing(feature: GatedFeature): PlanTier | null {
  return PLAN_CATALOG.find((plan) => allowsFeature(plan.tier, feature))?.tier ?? null;
}

/** Paid plans are ordered by price; used to tell an upgrade from a downgrade. */
export function comparePlans(a: PlanTier, b: PlanTier): number {
  return PLAN_TIERS.indexOf(a) - PLAN_TIERS.indexOf(b);
}

export function planForLookupKey(lookupKey: string): PlanTier | null {
  return PLAN_CATALOG.find((plan) => plan.stripe?.lookupKey === lookupKey)?.tier ?? null;
}

export function paidPlans(): Plan[] {
  return PLAN_CATALOG.filter((plan) => plan.stripe !== null);
}
