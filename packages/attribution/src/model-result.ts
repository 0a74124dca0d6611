import type { ChannelRegistry } from './channel-registry.js';
import type { AttributionModelId } from './model-ids.js';
import type { ChannelCredit, CreditAmount, ModelResult } from './types.js';

export interface ModelResultParts {
  readonly model: AttributionModelId;
  readonly registry: ChannelRegistry;
  readonly conversions: ArrayLike<number>;
  readonly value: ArrayLike<number>;
  readonly unattributed: CreditAmount;
  readonly totals: CreditAmount;
  /** MARKOV only. */
  readonly markov?: { readonly removalEffects: Record<string, number>; readonly conversionProbability: number };
}

export function buildModelResult(parts: ModelResultParts): ModelResult {
  const { registry, conversions, value } = parts;
  const channels: ChannelCredit[] = [];
  for (let id = 0; id < registry.size; id++) {
    const c = conversions[id] ?? 0;
    const v = value[id] ?? 0;
    if (c !== 0 || v !== 0) channels.push({ channel: registry.nameOf(id), conversions: c, value: v });
  }
  channels.sort(byConversionsThenName);
  const result: ModelResult = {
    model: parts.model,
    channels,
    unattributed: { ...parts.unattributed },
    totals: { ...parts.totals },
  };
  return parts.markov === undefined ? result : { ...result, ...parts.markov };
}

function byConversionsThenName(a: ChannelCredit, b: ChannelCredit): number {
  if (a.conversions !== b.conversions) return b.conversions - a.conversions;
  return a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0;
}
