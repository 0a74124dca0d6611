import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { BillingSubscriptionObject } from './subscription.types.js';

@Resolver()
export class SubscriptionResolver {
  @Authorized()
  @Query(() => BillingSubscriptionObject, { nullable: true, description: 'The active subscription; null on FREE' })
  async subscription(@Ctx() context: GraphQLContext): Promise<BillingSubscriptionObject | null> {
    const subscription = await context.services.subscriptions.activeSubscription(principalOf(context).organizationId);
    if (!subscription) return null;
    return {
      id: subscription.id,
      stripeSubscriptionId: subscription.stripeSubscriptionId,
      status: subscription.status,
      planTier: subscription.tier,
      currentPeriodEnd: subscription.periodEnd,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    };
  }
}
