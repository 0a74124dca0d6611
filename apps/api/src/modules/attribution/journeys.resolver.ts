import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { PlanLimit, Reservation } from '../../graphql/plan-limit.js';
import type { PendingReservation } from '../entitlements/index.js';
import { JourneyAttributionObject, JourneyInputObject, JourneyRecordObject } from './journeys.types.js';

@Resolver()
export class JourneysResolver {
  @Authorized()
  @Query(() => JourneyRecordObject, {
    nullable: true,
    description: "One of the organization's journeys; null for an unknown id or another organization's",
  })
  async journey(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<JourneyRecordObject | null> {
    return context.services.attribution.journeys.find(principalOf(context).organizationId, id);
  }

  @Authorized()
  @PlanLimit<{ input: JourneyInputObject }>('ATTRIBUTION_RUNS', {
    gate: ({ input }, entitlements, context) => {
      context.services.attribution.journeys.check(entitlements, input);
    },
    inResolverTransaction: true,
  })
  @Mutation(() => JourneyAttributionObject, {
    description: 'Stores one converted journey and returns its credit per model',
  })
  async trackJourney(
    @Arg('input', () => JourneyInputObject) input: JourneyInputObject,
    @Ctx() context: GraphQLContext,
    @Reservation() reservation: PendingReservation,
  ): Promise<JourneyAttributionObject> {
    const { organizationId } = principalOf(context);
    return context.services.attribution.journeys.track(
      organizationId,
      await context.entitlements.forOrganization(organizationId),
      input,
      reservation,
    );
  }
}
