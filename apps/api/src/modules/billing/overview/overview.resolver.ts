import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../../graphql/context.js';
import { BillingOverviewObject } from './overview.types.js';

@Resolver()
export class BillingOverviewResolver {
  @Authorized()
  @Query(() => BillingOverviewObject, {
    description: 'Revenue and subscribers of the whole platform; FORBIDDEN unless the caller is in OPERATOR_EMAILS',
  })
  async billingOverview(@Ctx() context: GraphQLContext): Promise<BillingOverviewObject> {
    return context.services.billing.overview.overviewFor(principalOf(context));
  }
}
