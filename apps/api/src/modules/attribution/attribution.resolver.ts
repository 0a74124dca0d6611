import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { PlanLimit } from '../../graphql/plan-limit.js';
import { textUpload } from './import-upload.js';
import type { ImportSummary } from './journey-import.service.js';
import type { AttributionReportData, ReportPage } from './report.store.js';
import {
  AttributionReportConnectionObject,
  AttributionReportObject,
  AttributionRunInputObject,
  JourneyImportObject,
} from './attribution.types.js';

const DEFAULT_PAGE_SIZE = 20;

@Resolver()
export class AttributionResolver {
  @Authorized()
  @Mutation(() => JourneyImportObject, {
    description:
      "Stores a CSV of journeys or aggregated path rows (up to 100,000), all or nothing; a bad row fails with its line in extensions.line, a file past the plan's stored journeys with JOURNEY_ALLOWANCE_EXCEEDED, the same file again with DUPLICATE_IMPORT. Files over the 8 MB request limit: POST /imports/journeys (text/csv).",
  })
  async importJourneys(
    @Arg('csv', () => String) csv: string,
    @Arg('fileName', () => String, { nullable: true, description: 'Shown in the imports list' })
    fileName: string | null,
    @Arg('replace', () => Boolean, {
      defaultValue: false,
      description: 'The same file imported before: delete that import and store this one (else DUPLICATE_IMPORT)',
    })
    replace: boolean,
    @Ctx() context: GraphQLContext,
  ): Promise<ImportSummary> {
    const { organizationId } = principalOf(context);
    return context.services.attribution.imports.import(
      organizationId,
      await context.entitlements.forOrganization(organizationId),
      textUpload(csv),
      { fileName, replace },
    );
  }

  @Authorized()
  @PlanLimit<{ input: AttributionRunInputObject }>('ATTRIBUTION_RUNS', {
    gate: ({ input }, entitlements, context) => {
      context.services.attribution.runs.check(entitlements, input);
    },
  })
  @Mutation(() => AttributionReportObject, {
    description: "Attributes the organization's stored journeys with the chosen models and stores the report",
  })
  async runAttribution(
    @Arg('input', () => AttributionRunInputObject) input: AttributionRunInputObject,
    @Ctx() context: GraphQLContext,
  ): Promise<AttributionReportData> {
    const { organizationId } = principalOf(context);
    return context.services.attribution.runs.run(
      organizationId,
      await context.entitlements.forOrganization(organizationId),
      input,
    );
  }

  @Authorized()
  @Query(() => AttributionReportConnectionObject, { description: "The organization's reports, newest first" })
  async attributionReports(
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<ReportPage> {
    return context.services.attribution.reports.list(principalOf(context).organizationId, first, after ?? null);
  }

  @Authorized()
  @Query(() => AttributionReportObject, {
    nullable: true,
    description: "One report; null for an unknown id or another organization's",
  })
  async attributionReport(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<AttributionReportData | null> {
    return context.services.attribution.reports.find(principalOf(context).organizationId, id);
  }
}
