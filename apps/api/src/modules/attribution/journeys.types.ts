import type { AttributionModelId } from '@aa/attribution';
import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AttributionModelEnum } from '../entitlements/index.js';

export enum MilestoneEnum {
  LEAD = 'lead',
  OPPORTUNITY = 'opportunity',
}
registerEnumType(MilestoneEnum, {
  name: 'Milestone',
  description: 'A touch that marks a funnel stage (W_SHAPED, FULL_PATH)',
});

@InputType('TouchInput')
export class TouchInputObject {
  @Field(() => String, { description: 'Non-empty, at most 100 characters; surrounding spaces are trimmed' })
  channel!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => MilestoneEnum, { nullable: true })
  milestone?: MilestoneEnum | null;
}

@InputType('JourneyInput')
export class JourneyInputObject {
  @Field(() => [TouchInputObject], { description: 'In the order they happened; none after convertedAt' })
  touches!: TouchInputObject[];

  @Field(() => Date)
  convertedAt!: Date;

  @Field(() => Float, { nullable: true, description: 'Conversion value; default 0' })
  value?: number | null;

  @Field(() => [AttributionModelEnum], { nullable: true, description: "Default: all of the plan's models" })
  models?: AttributionModelId[] | null;
}

@ObjectType('ChannelCredit')
export class ChannelCreditObject {
  @Field(() => String)
  channel!: string;

  @Field(() => Float)
  conversions!: number;

  @Field(() => Float)
  value!: number;
}

@ObjectType('ModelCredits')
export class ModelCreditsObject {
  @Field(() => AttributionModelEnum)
  model!: AttributionModelId;

  @Field(() => [ChannelCreditObject])
  channels!: ChannelCreditObject[];
}

@ObjectType('JourneyAttribution')
export class JourneyAttributionObject {
  @Field(() => ID)
  journeyId!: string;

  @Field(() => [ModelCreditsObject])
  credits!: ModelCreditsObject[];
}

@ObjectType('TouchRecord')
export class TouchRecordObject {
  @Field(() => String)
  channel!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => MilestoneEnum, { nullable: true })
  milestone!: MilestoneEnum | null;
}

@ObjectType('JourneyRecord', { description: "A stored journey of the caller's organization" })
export class JourneyRecordObject {
  @Field(() => ID)
  id!: string;

  @Field(() => Date, { nullable: true })
  convertedAt!: Date | null;

  @Field(() => Float)
  value!: number;

  @Field(() => [TouchRecordObject])
  touches!: TouchRecordObject[];
}
