import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const Journey = defineEntity({
  name: 'Journey',
  tableName: 'journey',
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    /** Null for a journey that has not converted (imports may carry those). */
    convertedAt: p.datetime().nullable(),
    value: p.double(),
    createdAt: p.datetime(),
  },
});
export type Journey = InferEntity<typeof Journey>;

export const TOUCH_MILESTONES = ['lead', 'opportunity'] as const;

export const Touch = defineEntity({
  name: 'Touch',
  tableName: 'touch',
  properties: {
    id: p.uuid().primary(),
    journeyId: p.uuid(),
    position: p.integer(),
    channel: p.string().length(100),
    at: p.datetime(),
    milestone: p.enum(TOUCH_MILESTONES).nullable(),
  },
});
export type Touch = InferEntity<typeof Touch>;

export const JOURNEY_ENTITIES = [Journey, Touch];
