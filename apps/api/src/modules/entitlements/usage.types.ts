import type { UsageMetric } from '@aa/plans';
import { Field, Int, ObjectType } from 'type-graphql';
import { UsageMetricEnum } from './plans.types.js';

@ObjectType('UsageDay')
export class UsageDayObject {
  @Field(() => String, { description: 'The UTC day, YYYY-MM-DD' })
  date!: string;

  @Field(() => Int)
  used!: number;
}

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

  @Field(() => [UsageDayObject], {
    description: 'Units used on every UTC day of the period up to today, zeros included',
  })
  daily!: UsageDayObject[];

  @Field(() => Int, {
    description: "Linear projection to the period's end: the average daily use so far times the period's days",
  })
  projectedUsed!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The UTC day (YYYY-MM-DD) the projection crosses the limit; null if it does not',
  })
  projectedToExceedOn!: string | null;
}

@ObjectType('Usage')
export class UsageObject {
  @Field(() => UsageMeterObject)
  attributionRuns!: UsageMeterObject;
}
