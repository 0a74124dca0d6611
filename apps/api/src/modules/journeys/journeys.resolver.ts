import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { PlanLimit } from '../../graphql/plan-limit.js';
import { JourneyAttributionObject, JourneyInputObject } from './journeys.types.js';

@Resolver()
export class JourneysResolver {
  @Authorized()
  @PlanLimit('ATTRIBUTION_RUNS')
  @Mutation(() => JourneyAttributionObject, { description: 'Stores one converted journey and returns its credit per model' })
  async trackJourney(
    @Arg('input', () => JourneyInputObject) input: JourneyInputObject,
    @Ctx() context: GraphQLContext,
  ): Promise<JourneyAttributionObject> {
    return context.services.journeys.track(principalOf(context).organizationId, input);
  }
}
