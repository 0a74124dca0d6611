import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../../graphql/context.js';
import { BillingIncidentObject } from './incidents.types.js';

const MAX_INCIDENTS = 100;

@Resolver()
export class BillingIncidentsResolver {
  @Authorized('ADMIN')
  @Query(() => [BillingIncidentObject], { description: "The organization's billing incidents, newest first" })
  async billingIncidents(
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @Ctx() context: GraphQLContext,
  ): Promise<BillingIncidentObject[]> {
    return context.services.billing.incidents.recent(
      principalOf(context).organizationId,
      Math.min(Math.max(limit, 1), MAX_INCIDENTS),
    );
  }
}
