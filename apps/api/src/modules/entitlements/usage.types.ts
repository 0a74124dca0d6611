import type { UsageMetric } from '@aa/plans';
import { Field, Int, ObjectType } from 'type-graphql';
import { UsageMetricEnum } from './plans.types.js';

@ObjectType('UsageMeter')
export class UsageMeterObject {
  @Field(() => UsageMetricEnum)
  metric!: UsageMetric;

  @Field(() => Int)
  used!: number;

  @Field(() => Int)
  limit!: number;

  @Field(() => Int)
  remaining!: number;

  @Field(() => Date)
  periodStart!: Date;

  @Field(() => Date)
  periodEnd!: Date;
}

@ObjectType('Usage')
export class UsageObject {
  @Field(() => UsageMeterObject)
  attributionRuns!: UsageMeterObject;
}
