import type { PlanTier } from '@aa/plans';
import { Field, ID, ObjectType } from 'type-graphql';
import { PlanTierEnum } from '../plans/plans.types.js';

// Not "Subscription": SDL tooling reads a type of that name as the subscription root.
@ObjectType('BillingSubscription')
export class BillingSubscriptionObject {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  stripeSubscriptionId!: string;

  @Field(() => String)
  status!: string;

  @Field(() => PlanTierEnum)
  planTier!: PlanTier;

  @Field(() => Date)
  currentPeriodEnd!: Date;

  @Field(() => Boolean)
  cancelAtPeriodEnd!: boolean;
}
