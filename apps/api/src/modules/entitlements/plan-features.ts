import type { AttributionModelId } from '@aa/attribution';
import { allowsLookback, allowsModel, type PlanTier } from '@aa/plans';
import { FeatureNotInPlanError } from './plans.errors.js';

export function assertModelsInPlan(
  tier: PlanTier,
  models: readonly AttributionModelId[],
  upgradeUrl: string,
  field = 'models',
): void {
  for (const model of models) {
    if (!allowsModel(tier, model)) throw new FeatureNotInPlanError(tier, { kind: 'model', model }, upgradeUrl, field);
  }
}

export function assertLookbackInPlan(tier: PlanTier, days: number, upgradeUrl: string): void {
  if (!allowsLookback(tier, days))
    throw new FeatureNotInPlanError(tier, { kind: 'lookback', days }, upgradeUrl, 'lookbackDays');
}
