import {
  AMOUNT_RANGE_TEXT,
  TIME_RANGE_TEXT,
  isAmountInRange,
  isTimeInRange,
  type AttributionModelId,
  type Milestone,
} from '@aa/attribution';
import { JourneysError } from './attribution.errors.js';

/**
 * The journey rules of both transports, one journey at a time (trackJourney) or a file of them
 * (importJourneys, POST /imports/journeys): the touch table's column width and a journey's size.
 */
export const MAX_TOUCHES = 1000;
export const MAX_CHANNEL_LENGTH = 100;

export interface JourneyToTrack {
  touches: ReadonlyArray<{ channel: string; at: Date; milestone?: Milestone | null }>;
  convertedAt: Date;
  value?: number | null;
  models?: readonly AttributionModelId[] | null;
}

export interface ValidJourney {
  touches: Array<{ channel: string; at: Date; milestone: Milestone | null }>;
  convertedAt: Date;
  value: number;
  models: AttributionModelId[];
}

/**
 * Checks a journey before anything is stored or metered work is done; each failure names its field.
 * Without models, the journey is attributed with `defaultModels` (the plan's).
 */
export function validateJourney(input: JourneyToTrack, defaultModels: readonly AttributionModelId[]): ValidJourney {
  if (input.touches.length === 0) {
    throw new JourneysError('EMPTY_TOUCHES', 'A journey needs at least one touch', 'touches');
  }
  if (input.touches.length > MAX_TOUCHES) {
    throw new JourneysError('TOO_MANY_TOUCHES', `A journey has at most ${MAX_TOUCHES} touches`, 'touches');
  }
  // `+ 0` stores -0 as 0.
  const value = (input.value ?? 0) + 0;
  if (!isAmountInRange(value)) {
    throw new JourneysError('INVALID_VALUE', `The value must be ${AMOUNT_RANGE_TEXT}`, 'value');
  }
  checkTime(input.convertedAt, 'convertedAt');
  const touches = input.touches.map((touch, index) => {
    const channel = touch.channel.trim();
    if (channel.length === 0 || channel.length > MAX_CHANNEL_LENGTH) {
      throw new JourneysError(
        'INVALID_CHANNEL',
        `Touch ${index + 1}: the channel must be 1 to ${MAX_CHANNEL_LENGTH} characters long`,
        `touches.${index}.channel`,
      );
    }
    checkTime(touch.at, `touches.${index}.at`);
    if (touch.at.getTime() > input.convertedAt.getTime()) {
      throw new JourneysError(
        'TOUCH_AFTER_CONVERSION',
        `Touch ${index + 1} (${touch.at.toISOString()}) happens after the conversion (${input.convertedAt.toISOString()})`,
        `touches.${index}.at`,
      );
    }
    return { channel, at: touch.at, milestone: touch.milestone ?? null };
  });
  const models = [...new Set(input.models?.length ? input.models : defaultModels)];
  return { touches, convertedAt: input.convertedAt, value, models };
}

function checkTime(time: Date, field: string): void {
  if (!isTimeInRange(time.getTime())) {
    throw new JourneysError('INVALID_JOURNEY', `${field} must be ${TIME_RANGE_TEXT}`, field);
  }
}

/**
 * What keeps an imported record from being stored, or null: an imported journey's touches, or an
 * aggregated path's channels (paths have no touch limit: a row stands for many journeys).
 */
export function importedChannelsProblem(channels: readonly string[], isJourney: boolean): string | null {
  if (isJourney && channels.length > MAX_TOUCHES) return `a journey has at most ${MAX_TOUCHES} touches`;
  const long = channels.find((channel) => channel.length > MAX_CHANNEL_LENGTH);
  if (long === undefined) return null;
  return `channel names are at most ${MAX_CHANNEL_LENGTH} characters long: ${JSON.stringify(long.slice(0, 20))}…`;
}
