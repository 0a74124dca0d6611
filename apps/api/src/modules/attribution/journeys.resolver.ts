import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { PlanGate } from '../../graphql/plan-gate.js';
import { PlanLimit } from '../../graphql/plan-limit.js';
import { JourneyAttributionObject, JourneyInputObject, JourneyRecordObject } from './journeys.types.js';

@Resolver()
export class JourneysResolver {
  @Authorized()
  @Query(() => JourneyRecordObject, { nullable: true, description: "One of the organization's journeys; null for an unknown id or another organization's" })
  async journey(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<JourneyRecordObject | null> {
    return context.services.attribution.journeys.find(principalOf(context).organizationId, id);
  }

  @Authorized()
  @PlanGate<{ input: JourneyInputObject }>(async ({ input }, context) => {
    await context.services.attribution.journeys.checkPlan(principalOf(context).organizationId, input);
  })
  @PlanLimit('ATTRIBUTION_RUNS')
  @Mutation(() => JourneyAttributionObject, { description: 'Stores one converted journey and returns its credit per model' })
  async trackJourney(
    @Arg('input', () => JourneyInputObject) input: JourneyInputObject,
    @Ctx() context: GraphQLContext,
  ): Promise<JourneyAttributionObject> {
    return context.services.attribution.journeys.track(principalOf(context).organizationId, input);
  }
}
