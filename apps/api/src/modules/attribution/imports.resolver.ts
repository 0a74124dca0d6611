import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { UsageObject } from '../entitlements/index.js';
import { AttributionError } from './attribution.errors.js';
import type { DeletedJourneys, JourneyImportData } from './journey-import.store.js';
import {
  JourneyDeletionObject,
  JourneyImportRecordObject,
  JourneyRangeInputObject,
  StoredJourneysMeterObject,
} from './imports.types.js';

/** Imports listed and deleted, journeys deleted by range or all, and the stored-journeys meter of `usage`. */
@Resolver(() => UsageObject)
export class ImportsResolver {
  @Authorized()
  @Query(() => [JourneyImportRecordObject], { description: "The organization's imports, newest first (up to 100)" })
  async imports(@Ctx() context: GraphQLContext): Promise<JourneyImportData[]> {
    return context.services.attribution.imports.list(principalOf(context).organizationId);
  }

  @Authorized('ADMIN')
  @Mutation(() => JourneyDeletionObject, { description: "Deletes one import's journeys and path rows, and the import" })
  async deleteImport(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<DeletedJourneys> {
    const deleted = await context.services.attribution.imports.deleteImport(principalOf(context).organizationId, id);
    if (!deleted) throw new AttributionError('IMPORT_NOT_FOUND', 'No such import in your organization');
    return deleted;
  }

  @Authorized('ADMIN')
  @Mutation(() => JourneyDeletionObject, { description: 'Deletes the journeys (and path rows) in a time range' })
  async deleteJourneys(
    @Arg('range', () => JourneyRangeInputObject) range: JourneyRangeInputObject,
    @Ctx() context: GraphQLContext,
  ): Promise<DeletedJourneys> {
    if (range.from.getTime() > range.to.getTime()) {
      throw new AttributionError('INVALID_WINDOW', '`from` must not be after `to`', { field: 'range.from' });
    }
    return context.services.attribution.imports.deleteInWindow(principalOf(context).organizationId, range);
  }

  @Authorized('ADMIN')
  @Mutation(() => JourneyDeletionObject, { description: "Deletes all of the organization's journeys and imports" })
  async deleteAllJourneys(@Ctx() context: GraphQLContext): Promise<DeletedJourneys> {
    return context.services.attribution.imports.deleteAll(principalOf(context).organizationId);
  }

  @FieldResolver(() => StoredJourneysMeterObject, {
    description: "Journeys and path rows stored against the plan's allowance (not per period)",
  })
  async storedJourneys(@Ctx() context: GraphQLContext): Promise<StoredJourneysMeterObject> {
    const organizationId = principalOf(context).organizationId;
    const { limits } = await context.entitlements.forOrganization(organizationId);
    const used = await context.services.attribution.imports.stored(organizationId);
    return { used, limit: limits.storedJourneys, remaining: Math.max(limits.storedJourneys - used, 0) };
  }
}
