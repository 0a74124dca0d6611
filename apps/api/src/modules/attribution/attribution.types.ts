import type { AttributionModelId, CsvFormat } from '@aa/attribution';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ChannelCreditObject } from './journeys.types.js';
import { AttributionModelEnum } from '../entitlements/index.js';

export enum JourneyImportFormatEnum {
  PATH_ROWS = 'path-rows',
  JOURNEYS = 'journeys',
}
registerEnumType(JourneyImportFormatEnum, {
  name: 'JourneyImportFormat',
  description:
    'PATH_ROWS: ChannelAttribution aggregated rows (path;total_conversions;total_conversion_value;total_null). JOURNEYS: one row per touch with timestamps.',
});

/** The format by its GraphQL enum name, so the REST import answers the same shape as the mutation. */
export const IMPORT_FORMAT_NAMES: Readonly<Record<CsvFormat, keyof typeof JourneyImportFormatEnum>> = {
  'path-rows': 'PATH_ROWS',
  journeys: 'JOURNEYS',
};

@ObjectType('JourneyImport', { description: 'What one import stored (all of the file, or nothing)' })
export class JourneyImportObject {
  @Field(() => ID, { description: 'The import, as the imports list and deleteImport name it' })
  id!: string;

  @Field(() => String)
  fileName!: string;

  @Field(() => JourneyImportFormatEnum)
  format!: CsvFormat;

  @Field(() => Int, { description: "The file's data lines, after its header" })
  rows!: number;

  @Field(() => ID, { nullable: true, description: 'The earlier import of the same file that this one replaced' })
  replacedImportId!: string | null;

  @Field(() => Int, { description: 'Journeys, or aggregated path rows for PATH_ROWS' })
  journeys!: number;

  @Field(() => Int)
  touches!: number;

  @Field(() => Float)
  conversions!: number;

  @Field(() => Float)
  value!: number;

  @Field(() => Float, { description: 'Journeys that did not convert' })
  nulls!: number;
}

@InputType('AttributionRunInput')
export class AttributionRunInputObject {
  @Field(() => [AttributionModelEnum], { description: "Models to run; each must be in the caller's plan" })
  models!: AttributionModelId[];

  @Field(() => Date, {
    nullable: true,
    description:
      'Journeys converted (or, without conversion, last touched) at or after this time; aggregated rows by import time',
  })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Inclusive upper bound of the same time' })
  to?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: "Days before a conversion whose touches count; default and maximum: the plan's lookback",
  })
  lookbackDays?: number | null;
}

@ObjectType('CreditAmount')
export class CreditAmountObject {
  @Field(() => Float)
  conversions!: number;

  @Field(() => Float)
  value!: number;
}

@ObjectType('ModelReport', { description: "One model's credits in a report" })
export class ModelReportObject {
  @Field(() => AttributionModelEnum)
  model!: AttributionModelId;

  @Field(() => [ChannelCreditObject], { description: 'Channels with credit, most conversions first' })
  channels!: ChannelCreditObject[];

  @Field(() => CreditAmountObject, { description: 'Conversions whose touches all fell outside the lookback window' })
  unattributed!: CreditAmountObject;

  @Field(() => CreditAmountObject, { description: 'Everything fed in: channels + unattributed' })
  totals!: CreditAmountObject;
}

@ObjectType('AttributionReport')
export class AttributionReportObject {
  @Field(() => ID)
  id!: string;

  @Field(() => [AttributionModelEnum])
  models!: AttributionModelId[];

  @Field(() => Date, { nullable: true })
  from!: Date | null;

  @Field(() => Date, { nullable: true })
  to!: Date | null;

  @Field(() => Int)
  lookbackDays!: number;

  @Field(() => Int, { description: 'Stored journeys read' })
  journeyCount!: number;

  @Field(() => Int, { description: 'Stored aggregated path rows read' })
  pathRowCount!: number;

  @Field(() => [ModelReportObject])
  credits!: ModelReportObject[];

  @Field(() => Float)
  durationMs!: number;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('UnavailableModel', { description: 'A model the stored data in a window cannot serve' })
export class UnavailableModelObject {
  @Field(() => AttributionModelEnum)
  model!: AttributionModelId;

  @Field(() => String, { description: 'Why, in words a user can act on' })
  reason!: string;
}

@ObjectType('AttributionWindow', {
  description: 'What a run over a window would read, told before the run (a window with no journeys is refused)',
})
export class AttributionWindowObject {
  @Field(() => Date, { nullable: true })
  from!: Date | null;

  @Field(() => Date, { nullable: true })
  to!: Date | null;

  @Field(() => Int, { description: 'Stored journeys in the window' })
  storedJourneys!: number;

  @Field(() => Int, { description: 'Aggregated path rows in the window (by import time)' })
  pathRows!: number;

  @Field(() => Float, { description: 'Stored journeys plus the journeys path rows stand for (conversions + nulls)' })
  journeys!: number;

  @Field(() => Float)
  conversions!: number;

  @Field(() => Float, { description: 'Conversion value, in `currency`' })
  value!: number;

  @Field(() => String, { description: 'ISO 4217 code of `value`' })
  currency!: string;

  @Field(() => [UnavailableModelObject], {
    description: 'Models a run over this window would refuse with MODELS_UNAVAILABLE; leave them out',
  })
  modelsUnavailable!: UnavailableModelObject[];
}

@ObjectType('AttributionReportEdge')
export class AttributionReportEdgeObject {
  @Field(() => String)
  cursor!: string;

  @Field(() => AttributionReportObject)
  node!: AttributionReportObject;
}

@ObjectType('PageInfo')
export class PageInfoObject {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('AttributionReportConnection', { description: 'Reports, newest first' })
export class AttributionReportConnectionObject {
  @Field(() => [AttributionReportEdgeObject])
  edges!: AttributionReportEdgeObject[];

  @Field(() => PageInfoObject)
  pageInfo!: PageInfoObject;
}
