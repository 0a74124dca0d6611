import { randomUUID } from 'node:crypto';
import { AttributionInputError, attribute, type AttributionModelId, type ChannelCredit } from '@aa/attribution';
import { capabilitiesOf, type PlanTier } from '@aa/plans';
import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import { assertModelsInPlan } from '../plans/plan-features.js';
import type { OrganizationPlanService } from '../plans/organization-plan.service.js';
import { validateJourney, type JourneyToTrack } from './journey-validation.js';
import { Journey, Touch } from './journeys.entity.js';
import { JourneysError } from './journeys.errors.js';
import type { MilestoneEnum } from './journeys.types.js';

export interface TrackedJourney {
  journeyId: string;
  credits: Array<{ model: AttributionModelId; channels: ChannelCredit[] }>;
}

export interface StoredJourney {
  id: string;
  convertedAt: Date | null;
  value: number;
  touches: Array<{ channel: string; at: Date; milestone: MilestoneEnum | null }>;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class JourneysService {
  constructor(
    private readonly orm: Orm,
    private readonly clock: Clock,
    private readonly plans: OrganizationPlanService,
    private readonly upgradeUrl: string,
  ) {}

  async find(organizationId: string, id: string): Promise<StoredJourney | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const em = this.orm.em.fork();
    const journey = await em.findOne(Journey, { id, organizationId });
    if (!journey) return null;
    const touches = await em.find(Touch, { journeyId: id }, { orderBy: { position: 'asc' } });
    return {
      id: journey.id,
      convertedAt: journey.convertedAt ?? null,
      value: Number(journey.value),
      // The enum's values are the stored strings ('lead', 'opportunity').
      touches: touches.map(({ channel, at, milestone }) => ({ channel, at, milestone: (milestone ?? null) as MilestoneEnum | null })),
    };
  }

  /** Refuses models the plan lacks; the resolver runs it before the quota is reserved. */
  async checkPlan(organizationId: string, input: Pick<JourneyToTrack, 'models'>): Promise<PlanTier> {
    const { tier } = await this.plans.current(organizationId);
    assertModelsInPlan(tier, input.models ?? [], this.upgradeUrl);
    return tier;
  }

  /** Stores one converted journey (journey + touches in one transaction) and returns its credits per model. */
  async track(organizationId: string, input: JourneyToTrack): Promise<TrackedJourney> {
    const tier = await this.checkPlan(organizationId, input);
    const journey = validateJourney(input, capabilitiesOf(tier).models);
    // Attribute before storing: input the engine refuses is never saved.
    const result = attributeOne(journey, capabilitiesOf(tier).lookbackDays);
    const journeyId = randomUUID();
    await this.orm.em.fork().transactional(async (em) => {
      em.create(Journey, {
        id: journeyId,
        organizationId,
        convertedAt: journey.convertedAt,
        value: journey.value,
        createdAt: this.clock.now(),
      });
      journey.touches.forEach((touch, position) => {
        em.create(Touch, { id: randomUUID(), journeyId, position, ...touch });
      });
    });
    return { journeyId, credits: journey.models.map((model) => ({ model, channels: result[model]?.channels ?? [] })) };
  }
}

function attributeOne(journey: ReturnType<typeof validateJourney>, lookbackDays: number) {
  try {
    return attribute(
      [{ touches: journey.touches.map(({ channel, at, milestone }) => ({ channel, at, ...(milestone ? { milestone } : {}) })), convertedAt: journey.convertedAt, value: journey.value }],
      journey.models,
      { lookbackDays },
    );
  } catch (error) {
    if (error instanceof AttributionInputError) throw new JourneysError('INVALID_JOURNEY', error.message, 'input');
    throw error;
  }
}
