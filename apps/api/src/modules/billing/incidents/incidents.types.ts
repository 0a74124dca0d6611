import type { PlanTier } from '@aa/plans';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PlanTierEnum } from '../../entitlements/index.js';

@ObjectType('BillingIncident', { description: 'Something billing did on its own that the admins should know about' })
export class BillingIncidentObject {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'DUPLICATE_SUBSCRIPTION: a second live subscription was cancelled and refunded' })
  kind!: string;

  @Field(() => String, { description: 'The subscription that was cancelled' })
  stripeSubscriptionId!: string;

  @Field(() => String, { nullable: true, description: 'The subscription that was kept' })
  keptStripeSubscriptionId!: string | null;

  @Field(() => PlanTierEnum, { nullable: true, description: 'The plan of the cancelled subscription' })
  planTier!: PlanTier | null;

  @Field(() => Int, { description: 'Refunded to the card, in cents of the invoice currency (0 until settled)' })
  refundedCents!: number;

  @Field(() => String, { description: 'What happened, for people' })
  detail!: string;

  @Field(() => Date)
  createdAt!: Date;
}
