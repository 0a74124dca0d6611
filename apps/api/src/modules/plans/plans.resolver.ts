import { PLAN_CATALOG, planOf } from '@aa/plans';
import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { PlanObject } from './plans.types.js';

@Resolver()
export class PlansResolver {
  @Query(() => [PlanObject], { description: 'The public plan catalog' })
  plans(): readonly PlanObject[] {
    return PLAN_CATALOG;
  }

  @Authorized()
  @Query(() => PlanObject, { description: "The caller's organization's current plan and its limits" })
  async plan(@Ctx() context: GraphQLContext): Promise<PlanObject> {
    const { tier } = await context.services.plans.current(principalOf(context).organizationId);
    return planOf(tier);
  }
}
