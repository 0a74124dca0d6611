import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../graphql/context.js';
import { JourneyAttributionObject, JourneyInputObject } from '../modules/attribution/index.js';

/** The bench's control: trackJourney's resolver body without @PlanLimit. Never part of the app's schema. */
@Resolver()
export class UnmeteredJourneysResolver {
  @Authorized()
  @Mutation(() => JourneyAttributionObject)
  async trackJourneyUnmetered(
    @Arg('input', () => JourneyInputObject) input: JourneyInputObject,
    @Ctx() context: GraphQLContext,
  ): Promise<JourneyAttributionObject> {
    const { organizationId } = principalOf(context);
    return context.services.attribution.journeys.track(
      organizationId,
      await context.entitlements.forOrganization(organizationId),
      input,
    );
  }
}
