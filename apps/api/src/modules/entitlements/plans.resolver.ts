import { PLAN_CATALOG, planOf, type PlanTier } from '@aa/plans';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { PlanObject, PlanTierEnum } from './plans.types.js';

@Resolver()
export class PlansResolver {
  @Query(() => [PlanObject], { description: 'The public plan catalog, or only the given tiers' })
  plans(@Arg('tiers', () => [PlanTierEnum], { nullable: true }) tiers?: PlanTier[] | null): readonly PlanObject[] {
    return tiers ? PLAN_CATALOG.filter((plan) => tiers.includes(plan.tier)) : PLAN_CATALOG;
  }

  @Authorized()
  @Query(() => PlanObject, { description: "The caller's organization's current plan and its limits" })
  async plan(@Ctx() context: GraphQLContext): Promise<PlanObject> {
    const { tier } = await context.entitlements.forOrganization(principalOf(context).organizationId);
    return planOf(tier);
  }
}
