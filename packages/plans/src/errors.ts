import { PLAN_CATALOG, type PlanTier, type UsageMetric } from './catalog.js';

export class UnknownPlanTierError extends Error {
  readonly code = 'UNKNOWN_PLAN_TIER';
  constructor(readonly value: string) {
    super(`Unknown plan tier "${value}": expected one of FREE, PRO, SCALE`);
    this.name = 'UnknownPlanTierError';
  }
}

export interface LimitExceededDetails {
  readonly metric: UsageMetric;
  readonly used: number;
  readonly limit: number;
  readonly plan: PlanTier;
}

/** The one wording of "limit exceeded" that the API, SPA and emails share: the plan by its name, not its code. */
export function limitExceededMessage(details: LimitExceededDetails): string {
  const what = details.metric === 'ATTRIBUTION_RUNS' ? 'attribution runs' : details.metric;
  const plan = PLAN_CATALOG.find((candidate) => candidate.tier === details.plan)?.name ?? details.plan;
  return `Your ${plan} plan includes ${details.limit.toLocaleString('en-US')} ${what} per billing period and ${details.used.toLocaleString('en-US')} are used. Upgrade your plan to continue.`;
}

export type GatedFeature =
  | { readonly kind: 'model'; readonly model: string }
  | { readonly kind: 'lookback'; readonly days: number }
  | { readonly kind: 'exports' };

export function featureNotInPlanMessage(plan: PlanTier, feature: GatedFeature): string {
  switch (feature.kind) {
    case 'model':
      return `The ${feature.model} model is not included in the ${plan} plan.`;
    case 'lookback':
      return `A ${feature.days}-day lookback window is longer than the ${plan} plan allows.`;
    case 'exports':
      return `CSV exports are not included in the ${plan} plan.`;
  }
}
