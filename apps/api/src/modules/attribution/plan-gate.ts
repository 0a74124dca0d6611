import type { AttributionModelId } from '@aa/attribution';
import { allowsLookback, allowsModel, type PlanTier } from '@aa/plans';
import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { FeatureNotInPlanError } from '../plans/plans.errors.js';

/**
 * Runs `check` before the field's @PlanLimit reservation. type-graphql runs a field's middlewares
 * in the reverse order of decoration, so this decorator must be written ABOVE @PlanLimit: a request
 * the plan refuses then never takes (and briefly holds) a unit of the quota.
 */
export function PlanGate<TArgs>(check: (args: TArgs, context: GraphQLContext) => Promise<void>): MethodDecorator {
  const gate: MiddlewareFn<GraphQLContext> = async ({ args, context }, next) => {
    await check(args as TArgs, context);
    return next();
  };
  return UseMiddleware(gate);
}

export function assertModelsInPlan(tier: PlanTier, models: readonly AttributionModelId[], upgradeUrl: string, field = 'models'): void {
  for (const model of models) {
    if (!allowsModel(tier, model)) throw new FeatureNotInPlanError(tier, { kind: 'model', model }, upgradeUrl, field);
  }
}

export function assertLookbackInPlan(tier: PlanTier, days: number, upgradeUrl: string): void {
  if (!allowsLookback(tier, days)) throw new FeatureNotInPlanError(tier, { kind: 'lookback', days }, upgradeUrl, 'lookbackDays');
}
