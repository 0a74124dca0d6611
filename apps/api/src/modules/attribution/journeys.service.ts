import { AttributionInputError, attribute, type AttributionModelId, type ChannelCredit } from '@aa/attribution';
import type { Clock } from '../../clock.js';
import { assertModelsInPlan, type Entitlements, type PendingReservation } from '../entitlements/index.js';
import { JourneysError } from './attribution.errors.js';
import { journeyAllowance } from './journey-import.service.js';
import { validateJourney, type JourneyToTrack, type ValidJourney } from './journey-validation.js';
import type { JourneyStore } from './journey.store.js';
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

export class JourneysService {
  constructor(
    private readonly store: JourneyStore,
    private readonly clock: Clock,
    private readonly upgradeUrl: string,
  ) {}

  async find(organizationId: string, id: string): Promise<StoredJourney | null> {
    const journey = await this.store.find(organizationId, id);
    // The enum's values are the stored strings ('lead', 'opportunity').
    if (!journey) return null;
    return {
      ...journey,
      touches: journey.touches.map((touch) => ({ ...touch, milestone: touch.milestone as MilestoneEnum | null })),
    };
  }

  /**
   * Everything that can refuse a journey without doing work (models the plan lacks, invalid input);
   * the resolver's gate runs it before the quota is reserved, so an invalid call never holds a unit.
   */
  check({ tier, limits }: Entitlements, input: JourneyToTrack): ValidJourney {
    assertModelsInPlan(tier, input.models ?? [], this.upgradeUrl);
    return validateJourney(input, limits.models);
  }

  /**
   * Stores one converted journey (journey + touches in one statement) and returns its credits per
   * model. A metered call's reservation is taken in that same statement.
   */
  async track(
    organizationId: string,
    entitlements: Entitlements,
    input: JourneyToTrack,
    reservation?: PendingReservation,
  ): Promise<TrackedJourney> {
    const journey = this.check(entitlements, input);
    // Attribute before storing: input the engine refuses is never saved.
    const result = attributeOne(journey, entitlements.limits.lookbackDays);
    const allowance = journeyAllowance(entitlements, this.upgradeUrl);
    const journeyId = await this.store.insert(organizationId, journey, this.clock.now(), allowance, reservation);
    return { journeyId, credits: journey.models.map((model) => ({ model, channels: result[model]?.channels ?? [] })) };
  }
}

function attributeOne(journey: ValidJourney, lookbackDays: number) {
  try {
    return attribute(
      [
        {
          touches: journey.touches.map(({ channel, at, milestone }) => ({
            channel,
            at,
            ...(milestone ? { milestone } : {}),
          })),
          convertedAt: journey.convertedAt,
          value: journey.value,
        },
      ],
      journey.models,
      { lookbackDays },
    );
  } catch (error) {
    if (error instanceof AttributionInputError) throw new JourneysError('INVALID_JOURNEY', error.message, 'input');
    throw error;
  }
}
