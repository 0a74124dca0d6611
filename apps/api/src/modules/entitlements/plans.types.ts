import { ATTRIBUTION_MODEL_IDS, type AttributionModelId } from '@aa/attribution';
import { PLAN_TIERS, USAGE_METRICS, type PlanTier, type UsageMetric } from '@aa/plans';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumObject } from '../../graphql/enum-object.js';

// The GraphQL enums are generated from the catalog, so the schema cannot drift from it.
export const PlanTierEnum = enumObject(PLAN_TIERS);
registerEnumType(PlanTierEnum, { name: 'PlanTier' });

export const UsageMetricEnum = enumObject(USAGE_METRICS);
registerEnumType(UsageMetricEnum, { name: 'UsageMetric' });

export const AttributionModelEnum = enumObject(ATTRIBUTION_MODEL_IDS);
registerEnumType(AttributionModelEnum, { name: 'AttributionModel' });

@ObjectType('PlanLimits')
export class PlanLimitsObject {
  @Field(() => Int, { description: 'Attribution runs (trackJourney + runAttribution) per billing period' })
  attributionRuns!: number;

  @Field(() => [AttributionModelEnum])
  models!: readonly AttributionModelId[];

  @Field(() => Int)
  lookbackDays!: number;

  @Field(() => Boolean)
  exports!: boolean;

  @Field(() => Int, {
    description: 'Journeys and aggregated path rows the organization may keep stored at once (not per period)',
  })
  storedJourneys!: number;
}

@ObjectType('Plan')
export class PlanObject {
  @Field(() => PlanTierEnum)
  tier!: PlanTier;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  priceMonthlyCents!: number;

  @Field(() => PlanLimitsObject)
  limits!: PlanLimitsObject;
}

export type { UsageMetric };
