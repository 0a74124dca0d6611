import type { AttributionModelId } from './model-ids.js';

export type Milestone = 'lead' | 'opportunity';

export interface Touch {
  readonly channel: string;
  /** Date or epoch milliseconds. */
  readonly at?: Date | number;
  readonly milestone?: Milestone;
}

export interface Journey {
  /** The caller's id for it (the journeys CSV's journey_id); the engine does not read it. */
  readonly id?: string;
  /** In the order they happened. */
  readonly touches: readonly Touch[];
  readonly convertedAt?: Date | number;
  /** Default: 1 when convertedAt is set, else 0. */
  readonly conversions?: number;
  /** Default: 0. */
  readonly value?: number;
  /** Default: 1 when the journey did not convert, else 0. */
  readonly nulls?: number;
}

/** One aggregated row of the ChannelAttribution format: no timestamps, no milestones. */
export interface PathRow {
  readonly path: readonly string[];
  readonly conversions: number;
  readonly value: number;
  readonly nulls: number;
}

/**
 * Journeys that share their touches (channels and milestones, in order, already inside the lookback
 * window) added at once, as a store's per-path aggregate. TIME_DECAY's credit depends on each
 * journey's times, which an aggregate no longer has, so it comes precomputed: per position, the sum
 * over the journeys of their TIME_DECAY share (conversions) and of share × value.
 */
export interface JourneyAggregate {
  readonly touches: ReadonlyArray<{ readonly channel: string; readonly milestone?: Milestone | null }>;
  readonly conversions: number;
  readonly value: number;
  readonly nulls: number;
  /** Required when TIME_DECAY is requested and the aggregate converts; one entry per touch. */
  readonly timeDecay?: { readonly conversions: ArrayLike<number>; readonly value: ArrayLike<number> };
}

export interface AttributionOptions {
  /** Drop touches earlier than convertedAt − lookbackDays (journeys with timestamps only). */
  readonly lookbackDays?: number;
  /** TIME_DECAY half-life in days; default 7. */
  readonly halfLifeDays?: number;
  /** The channel LAST_NON_DIRECT skips; default 'direct'. */
  readonly directChannel?: string;
}

export interface ChannelCredit {
  readonly channel: string;
  readonly conversions: number;
  readonly value: number;
}

export interface CreditAmount {
  readonly conversions: number;
  readonly value: number;
}

export interface ModelResult {
  readonly model: AttributionModelId;
  /** Channels with non-zero credit, sorted by conversions desc, then name. */
  readonly channels: ChannelCredit[];
  /** Converting journeys with no touch left (e.g. all outside the lookback window). */
  readonly unattributed: CreditAmount;
  /** Everything fed in: channels + unattributed (MARKOV: up to rounding). */
  readonly totals: CreditAmount;
  /** MARKOV only: removal effect RE_k of every channel in the chain. */
  readonly removalEffects?: Record<string, number>;
  /** MARKOV only: P(conv) from (start) in the full chain. */
  readonly conversionProbability?: number;
}

export type AttributionResult = Partial<Record<AttributionModelId, ModelResult>>;
