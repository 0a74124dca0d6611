import { AttributionInputError } from './errors.js';
import { ATTRIBUTION_MODEL_IDS, isAttributionModelId, type AttributionModelId } from './model-ids.js';
import type { AttributionOptions, Milestone } from './types.js';

export interface ResolvedOptions {
  readonly lookbackMs: number | undefined;
  readonly halfLifeDays: number;
  readonly directChannel: string;
}

export const MS_PER_DAY = 86_400_000;

export function resolveOptions(options: AttributionOptions): ResolvedOptions {
  const { lookbackDays, halfLifeDays = 7, directChannel = 'direct' } = options;
  if (lookbackDays !== undefined && !(Number.isFinite(lookbackDays) && lookbackDays > 0)) {
    throw new AttributionInputError(
      'INVALID_OPTIONS',
      `lookbackDays must be a positive number of days, got ${lookbackDays}`,
    );
  }
  if (!(Number.isFinite(halfLifeDays) && halfLifeDays > 0)) {
    throw new AttributionInputError(
      'INVALID_OPTIONS',
      `halfLifeDays must be a positive number of days, got ${halfLifeDays}`,
    );
  }
  return {
    lookbackMs: lookbackDays === undefined ? undefined : lookbackDays * MS_PER_DAY,
    halfLifeDays,
    directChannel,
  };
}

/** The distinct models asked for, in catalog order so that every output lists them alike. */
export function resolveModels(models: readonly string[]): AttributionModelId[] {
  for (const model of models) {
    if (!isAttributionModelId(model)) {
      throw new AttributionInputError(
        'UNKNOWN_MODEL',
        `Unknown attribution model "${model}": expected one of ${ATTRIBUTION_MODEL_IDS.join(', ')}`,
      );
    }
  }
  return ATTRIBUTION_MODEL_IDS.filter((model) => models.includes(model));
}

/** A non-negative finite amount (conversions, value, nulls); `what` names it in the message. */
export function checkAmount(amount: number, what: string, code: 'INVALID_JOURNEY' | 'INVALID_PATH_ROW'): number {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw new AttributionInputError(code, `${what} must be a non-negative number, got ${String(amount)}`);
  }
  return amount;
}

export function checkChannel(channel: unknown, code: 'INVALID_JOURNEY' | 'INVALID_PATH_ROW'): string {
  if (typeof channel !== 'string' || channel.length === 0) {
    throw new AttributionInputError(code, `A touch needs a non-empty channel name, got ${JSON.stringify(channel)}`);
  }
  return channel;
}

export function toEpochMs(time: Date | number, what: string): number {
  const ms = typeof time === 'number' ? time : time instanceof Date ? time.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new AttributionInputError('INVALID_JOURNEY', `${what} is not a valid time: ${String(time)}`);
  }
  return ms;
}

export function checkMilestone(milestone: unknown): Milestone | undefined {
  if (milestone === undefined || milestone === 'lead' || milestone === 'opportunity') return milestone;
  throw new AttributionInputError(
    'INVALID_JOURNEY',
    `Unknown milestone ${JSON.stringify(milestone)}: expected "lead" or "opportunity"`,
  );
}
