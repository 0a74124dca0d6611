import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { PlanLimit } from '../../graphql/plan-limit.js';
import { textUpload } from './import-upload.js';
import type { WindowPreview } from './attribution-run.service.js';
import type { ImportSummary } from './journey-import.service.js';
import type { AttributionReportData, ReportPage } from './report.store.js';
import {
  AttributionReportConnectionObject,
  AttributionReportObject,
  AttributionRunInputObject,
  AttributionWindowObject,
  CreditAmountObject,
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
    gate: async ({ input }, entitlements, context) => {
      await context.services.attribution.runs.check(principalOf(context).organizationId, entitlements, input);
    },
  })
  @Mutation(() => AttributionReportObject, {
    description:
      "Attributes the organization's stored journeys with the chosen models and stores the report. Refused before a run is counted: a window with no journeys (NO_JOURNEYS_IN_WINDOW), a model the window's data cannot serve (MODELS_UNAVAILABLE, see attributionWindow)",
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
  @Query(() => AttributionWindowObject, {
    description:
      'What a run over the window would read: its journeys, conversions, value, and the models its data cannot serve',
  })
  async attributionWindow(
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
    @Ctx() context: GraphQLContext,
  ): Promise<WindowPreview & { currency: string }> {
    const preview = await context.services.attribution.runs.preview(principalOf(context).organizationId, { from, to });
    return {
      ...preview,
      currency: await context.services.members.currencyOf(principalOf(context).organizationId, context),
    };
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

/** A report's figures for the whole window, read from its stored credits. */
@Resolver(() => AttributionReportObject)
export class AttributionReportFieldsResolver {
  @FieldResolver(() => CreditAmountObject, {
    description: 'Conversions and value in the window (every model is fed the same journeys)',
  })
  totals(@Root() report: AttributionReportData): CreditAmountObject {
    return report.credits[0]?.totals ?? { conversions: 0, value: 0 };
  }

  @FieldResolver(() => String, {
    description: "ISO 4217 code of every value in the report: the organization's currency",
  })
  currency(@Ctx() context: GraphQLContext): Promise<string> {
    return context.services.members.currencyOf(principalOf(context).organizationId, context);
  }
}
