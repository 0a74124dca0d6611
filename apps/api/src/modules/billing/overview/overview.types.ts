import type { PaidPlanTier } from '@aa/plans';
import { Field, Int, ObjectType } from 'type-graphql';
import { PlanTierEnum } from '../../entitlements/index.js';

@ObjectType('PlanSubscriberCount')
export class PlanSubscriberCountObject {
  @Field(() => PlanTierEnum)
  planTier!: PaidPlanTier;

  @Field(() => Int)
  count!: number;
}

@ObjectType('BillingOverview', {
  description: 'Revenue and subscribers across all organizations (platform operators only)',
})
export class BillingOverviewObject {
  @Field(() => Int, { description: 'Monthly plan prices of the subscriptions that grant their plan, in cents' })
  monthlyRecurringRevenueCents!: number;

  @Field(() => Int, { description: 'Subscriptions that grant their plan (paid, or past_due within the grace period)' })
  activeSubscribers!: number;

  @Field(() => [PlanSubscriberCountObject], { description: 'activeSubscribers per paid plan' })
  subscribers!: PlanSubscriberCountObject[];

  @Field(() => Int, {
    description: 'Subscriptions cancelled in the last 30 days (not counting duplicates billing cancelled itself)',
  })
  churnedLast30Days!: number;
}
