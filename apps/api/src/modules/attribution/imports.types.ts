import type { CsvFormat } from '@aa/attribution';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { JourneyImportFormatEnum } from './attribution.types.js';

@ObjectType('JourneyImportRecord', { description: 'One stored import of the organization' })
export class JourneyImportRecordObject {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  fileName!: string;

  @Field(() => String, { description: "Hex SHA-256 of the file's content: the same file again is refused" })
  contentSha256!: string;

  @Field(() => JourneyImportFormatEnum)
  format!: CsvFormat;

  @Field(() => Int, { description: "The file's data lines, after its header" })
  rows!: number;

  @Field(() => Int, { description: 'Journeys (or aggregated path rows) the import stored' })
  journeys!: number;

  @Field(() => Int, { description: 'Of those, the ones still stored (deleteJourneys may have removed some)' })
  storedJourneys!: number;

  @Field(() => String, { description: 'completed: imports are all or nothing, so a listed import is whole' })
  status!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('JourneyDeletion', { description: 'What a deletion removed; the allowance has the room back' })
export class JourneyDeletionObject {
  @Field(() => Int)
  journeys!: number;

  @Field(() => Int)
  pathRows!: number;
}

@InputType('JourneyRangeInput', {
  description:
    "Journeys by the reports' time: the conversion, or a non-converted journey's last touch; path rows by import time",
})
export class JourneyRangeInputObject {
  @Field(() => Date, { description: 'Inclusive' })
  from!: Date;

  @Field(() => Date, { description: 'Inclusive' })
  to!: Date;
}

@ObjectType('StoredJourneysMeter', {
  description: "Journeys and path rows stored against the plan's allowance (not per period)",
})
export class StoredJourneysMeterObject {
  @Field(() => Int)
  used!: number;

  @Field(() => Int)
  limit!: number;

  @Field(() => Int)
  remaining!: number;
}
