import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import {
  BillingAccountObject,
  BillingSubscriptionObject,
  toBillingAccountObject,
  toBillingSubscriptionObject,
} from './subscription.types.js';

@Resolver()
export class SubscriptionResolver {
  @Authorized()
  @Query(() => BillingSubscriptionObject, {
    nullable: true,
    description:
      'The latest subscription with its real status (see access and actions); null if the organization never had one',
  })
  async subscription(@Ctx() context: GraphQLContext): Promise<BillingSubscriptionObject | null> {
    const account = await context.services.billingAccounts.billingAccount(principalOf(context).organizationId);
    return account.subscription ? toBillingSubscriptionObject(account.subscription) : null;
  }

  @Authorized()
  @Query(() => BillingAccountObject, {
    description: "The organization's billing: whether to offer Checkout, the portal, and its latest subscription",
  })
  async billingAccount(@Ctx() context: GraphQLContext): Promise<BillingAccountObject> {
    return toBillingAccountObject(
      await context.services.billingAccounts.billingAccount(principalOf(context).organizationId),
    );
  }
}
