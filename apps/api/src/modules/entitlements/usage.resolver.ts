import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { UsageObject } from './usage.types.js';

@Resolver()
export class UsageResolver {
  @Authorized()
  @Query(() => UsageObject, { description: "The caller's organization's usage in the current billing period" })
  async usage(@Ctx() context: GraphQLContext): Promise<UsageObject> {
    const organizationId = principalOf(context).organizationId;
    const entitlements = await context.entitlements.forOrganization(organizationId);
    return { attributionRuns: await context.services.usage.meter(organizationId, entitlements, 'ATTRIBUTION_RUNS') };
  }
}
