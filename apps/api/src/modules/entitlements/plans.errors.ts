import { featureNotInPlanMessage, type GatedFeature, type PlanTier } from '@aa/plans';
import { DomainError } from '../../errors/domain-error.js';

export class FeatureNotInPlanError extends DomainError {
  readonly code = 'FEATURE_NOT_IN_PLAN';
  constructor(plan: PlanTier, feature: GatedFeature, upgradeUrl: string, field?: string) {
    super(featureNotInPlanMessage(plan, feature), 'FEATURE_NOT_IN_PLAN', {
      ...(field === undefined ? {} : { field }),
      details: { plan, upgradeUrl },
    });
  }
}
