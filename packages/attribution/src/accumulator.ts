import { ChannelRegistry } from './channel-registry.js';
import { creditRuleFor, type CreditRule, type PerJourneyModelId } from './credit-rules.js';
import { CreditTally } from './credit-tally.js';
import { AttributionInputError } from './errors.js';
import { MarkovChain } from './markov-chain.js';
import type { AttributionModelId } from './model-ids.js';
import { buildModelResult } from './model-result.js';
import { PathContext } from './path-context.js';
import type {
  AttributionOptions,
  AttributionResult,
  CreditAmount,
  Journey,
  JourneyAggregate,
  ModelResult,
  PathRow,
} from './types.js';
import {
  checkAmount,
  checkChannel,
  checkMilestone,
  MS_PER_DAY,
  resolveModels,
  resolveOptions,
  toEpochMs,
  type ResolvedOptions,
} from './validate-input.js';

interface PerJourneyModel {
  readonly model: PerJourneyModelId;
  readonly rule: CreditRule;
  readonly tally: CreditTally;
}

/**
 * Attributes journeys and path rows fed one at a time. It keeps per-channel sums (and MARKOV's
 * transition weights), never the rows, so memory is bounded by the number of channels.
 */
export class AttributionAccumulator {
  private readonly models: readonly AttributionModelId[];
  private readonly options: ResolvedOptions;
  private readonly registry = new ChannelRegistry();
  private readonly path = new PathContext();
  private readonly perJourney: PerJourneyModel[] = [];
  private readonly markov: MarkovChain | undefined;
  private readonly needsTimestamps: boolean;
  private channelCapacity = 0;
  private totalConversions = 0;
  private totalValue = 0;
  private unattributedConversions = 0;
  private unattributedValue = 0;
  /** While an aggregate is credited: its precomputed TIME_DECAY credit per position. */
  private timeDecayCredit: JourneyAggregate['timeDecay'] = undefined;

  constructor(models: readonly AttributionModelId[], options: AttributionOptions = {}) {
    this.models = resolveModels(models);
    this.options = resolveOptions(options);
    for (const model of this.models) {
      if (model === 'MARKOV') continue;
      this.perJourney.push({
        model,
        rule: creditRuleFor(model, this.options.halfLifeDays),
        tally: new CreditTally(this.path),
      });
    }
    this.markov = this.models.includes('MARKOV') ? new MarkovChain() : undefined;
    this.needsTimestamps = this.models.includes('TIME_DECAY');
  }

  addPathRow(row: PathRow): void {
    if (this.needsTimestamps) {
      throw new AttributionInputError(
        'TIMESTAMPS_REQUIRED',
        'TIME_DECAY needs touch and conversion timestamps; aggregated path rows have none. Use journeys with timestamps or another model.',
      );
    }
    if (!Array.isArray(row.path))
      throw new AttributionInputError('INVALID_PATH_ROW', 'A path row needs a path: an array of channel names');
    const conversions = checkAmount(row.conversions, 'conversions', 'INVALID_PATH_ROW');
    const value = checkAmount(row.value, 'value', 'INVALID_PATH_ROW');
    const nulls = checkAmount(row.nulls, 'nulls', 'INVALID_PATH_ROW');
    const { path, registry } = this;
    const channels = row.path;
    path.reset();
    path.ensurePathLength(channels.length);
    const ids = path.ids;
    for (let i = 0; i < channels.length; i++) ids[i] = registry.idOf(checkChannel(channels[i], 'INVALID_PATH_ROW'));
    path.length = channels.length;
    this.credit(conversions, value, nulls);
  }

  addJourney(journey: Journey): void {
    if (!Array.isArray(journey.touches))
      throw new AttributionInputError('INVALID_JOURNEY', 'A journey needs touches: an array');
    const convertedAtMs = journey.convertedAt === undefined ? undefined : toEpochMs(journey.convertedAt, 'convertedAt');
    const conversions = checkAmount(
      journey.conversions ?? (convertedAtMs === undefined ? 0 : 1),
      'conversions',
      'INVALID_JOURNEY',
    );
    const value = checkAmount(journey.value ?? 0, 'value', 'INVALID_JOURNEY');
    const nulls = checkAmount(journey.nulls ?? (conversions > 0 ? 0 : 1), 'nulls', 'INVALID_JOURNEY');
    this.loadJourneyTouches(journey, convertedAtMs);
    if (this.needsTimestamps && !this.path.hasAges && this.path.length > 0 && (conversions > 0 || value > 0)) {
      throw new AttributionInputError(
        'TIMESTAMPS_REQUIRED',
        'TIME_DECAY needs a conversion time and a time on every touch of a converting journey.',
      );
    }
    this.credit(conversions, value, nulls);
  }

  /**
   * Many journeys with the same touches at once (a store's aggregate): the same credit as adding each
   * journey, where every touch lies inside the lookback window. TIME_DECAY reads the aggregate's
   * precomputed credit (see JourneyAggregate), so its half-life is the one the caller computed with.
   */
  addJourneyAggregate(aggregate: JourneyAggregate): void {
    if (!Array.isArray(aggregate.touches))
      throw new AttributionInputError('INVALID_JOURNEY', 'A journey aggregate needs touches: an array');
    const conversions = checkAmount(aggregate.conversions, 'conversions', 'INVALID_JOURNEY');
    const value = checkAmount(aggregate.value, 'value', 'INVALID_JOURNEY');
    const nulls = checkAmount(aggregate.nulls, 'nulls', 'INVALID_JOURNEY');
    const { path, registry } = this;
    path.reset();
    for (const touch of aggregate.touches) {
      const position = path.length;
      path.push(registry.idOf(checkChannel(touch.channel, 'INVALID_JOURNEY')));
      const milestone = checkMilestone(touch.milestone ?? undefined);
      if (milestone === 'lead') path.leadPosition = position;
      else if (milestone === 'opportunity') path.opportunityPosition = position;
    }
    const timeDecay = aggregate.timeDecay;
    if (this.needsTimestamps && path.length > 0 && (conversions > 0 || value > 0)) {
      if (!timeDecay || timeDecay.conversions.length !== path.length || timeDecay.value.length !== path.length) {
        throw new AttributionInputError(
          'TIMESTAMPS_REQUIRED',
          'TIME_DECAY over a journey aggregate needs its precomputed credit for every touch.',
        );
      }
    }
    this.timeDecayCredit = timeDecay;
    try {
      this.credit(conversions, value, nulls);
    } finally {
      this.timeDecayCredit = undefined;
    }
  }

  result(): AttributionResult {
    const result: AttributionResult = {};
    const unattributed = { conversions: this.unattributedConversions, value: this.unattributedValue };
    const totals = { conversions: this.totalConversions, value: this.totalValue };
    for (const model of this.models) {
      result[model] =
        model === 'MARKOV' && this.markov
          ? this.markovResult(this.markov, unattributed, totals)
          : this.perJourneyResult(model, unattributed, totals);
    }
    return result;
  }

  /** Fills the path context from a journey's touches, dropping those outside the lookback window. */
  private loadJourneyTouches(journey: Journey, convertedAtMs: number | undefined): void {
    const { path, registry } = this;
    path.reset();
    const lookbackMs = this.options.lookbackMs;
    const cutoffMs = convertedAtMs !== undefined && lookbackMs !== undefined ? convertedAtMs - lookbackMs : -Infinity;
    let allTimed = convertedAtMs !== undefined;
    for (const touch of journey.touches) {
      const channelId = registry.idOf(checkChannel(touch.channel, 'INVALID_JOURNEY'));
      const milestone = checkMilestone(touch.milestone);
      let ageDays = 0;
      if (touch.at === undefined) {
        allTimed = false;
      } else {
        const atMs = toEpochMs(touch.at, 'touch time');
        if (convertedAtMs !== undefined) {
          if (atMs > convertedAtMs) {
            throw new AttributionInputError(
              'INVALID_JOURNEY',
              `A touch on "${touch.channel}" at ${new Date(atMs).toISOString()} comes after the conversion at ${new Date(convertedAtMs).toISOString()}`,
            );
          }
          if (atMs < cutoffMs) continue;
          ageDays = (convertedAtMs - atMs) / MS_PER_DAY;
        }
      }
      const position = path.length;
      path.push(channelId);
      path.ageDays[position] = ageDays;
      if (milestone === 'lead') path.leadPosition = position;
      else if (milestone === 'opportunity') path.opportunityPosition = position;
    }
    path.hasAges = allTimed;
  }

  private credit(conversions: number, value: number, nulls: number): void {
    const { path } = this;
    this.totalConversions += conversions;
    this.totalValue += value;
    if (path.length === 0) {
      this.unattributedConversions += conversions;
      this.unattributedValue += value;
      return;
    }
    if (this.registry.size > this.channelCapacity) this.growChannels();
    if (conversions > 0 || value > 0) {
      path.conversions = conversions;
      path.value = value;
      const models = this.perJourney;
      const timeDecay = this.timeDecayCredit;
      for (let i = 0; i < models.length; i++) {
        const entry = models[i]!;
        if (timeDecay && entry.model === 'TIME_DECAY') {
          for (let p = 0; p < path.length; p++)
            entry.tally.addAmounts(path.ids[p]!, timeDecay.conversions[p]!, timeDecay.value[p]!);
        } else entry.rule(path, entry.tally);
      }
    }
    this.markov?.addPath(path.ids, path.length, conversions, nulls);
  }

  private growChannels(): void {
    const count = this.registry.size;
    this.path.ensureChannelCapacity(count);
    for (const { tally } of this.perJourney) tally.ensureChannelCapacity(count);
    this.markov?.ensureChannelCapacity(count);
    this.path.directId = this.registry.lookup(this.options.directChannel) ?? -1;
    this.channelCapacity = count;
  }

  private perJourneyResult(model: AttributionModelId, unattributed: CreditAmount, totals: CreditAmount): ModelResult {
    const entry = this.perJourney.find((candidate) => candidate.model === model);
    if (!entry) throw new RangeError(`${model} was not requested`);
    const { tally } = entry;
    return buildModelResult({
      model,
      registry: this.registry,
      conversions: tally.conversions,
      value: tally.value,
      unattributed,
      totals,
    });
  }

  private markovResult(markov: MarkovChain, unattributed: CreditAmount, totals: CreditAmount): ModelResult {
    const { registry } = this;
    const channelCount = registry.size;
    const { effects, conversionProbability } = markov.removalEffects(channelCount);
    const removalEffects: Record<string, number> = {};
    let effectSum = 0;
    for (let id = 0; id < channelCount; id++) {
      const effect = effects[id]!;
      if (Number.isNaN(effect)) continue;
      removalEffects[registry.nameOf(id)] = effect;
      effectSum += effect;
    }
    const attributedConversions = totals.conversions - unattributed.conversions;
    const attributedValue = totals.value - unattributed.value;
    const conversions = new Float64Array(channelCount);
    const value = new Float64Array(channelCount);
    if (effectSum > 0) {
      for (let id = 0; id < channelCount; id++) {
        const effect = effects[id]!;
        if (Number.isNaN(effect)) continue;
        conversions[id] = (effect / effectSum) * attributedConversions;
        value[id] = (effect / effectSum) * attributedValue;
      }
    }
    return buildModelResult({
      model: 'MARKOV',
      registry,
      conversions,
      value,
      unattributed,
      totals,
      markov: { removalEffects, conversionProbability },
    });
  }
}

/** Attributes a whole iterable at once; `path` tells a PathRow from a Journey. */
export function attribute(
  input: Iterable<Journey | PathRow>,
  models: readonly AttributionModelId[],
  options?: AttributionOptions,
): AttributionResult {
  const accumulator = new AttributionAccumulator(models, options);
  for (const item of input) {
    if ('path' in item) accumulator.addPathRow(item);
    else accumulator.addJourney(item);
  }
  return accumulator.result();
}
