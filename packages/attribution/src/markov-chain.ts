import { invertMatrix } from './matrix-inverse.js';
import { grown } from './typed-arrays.js';

export interface RemovalEffects {
  /** P(conv) from (start) in the full chain. */
  readonly conversionProbability: number;
  /** RE_k by channel id; NaN for channels absent from the chain. */
  readonly effects: Float64Array;
}

/**
 * First-order Markov chain over (start), the channels, (conversion) and (null), kept as transition
 * weights: memory depends on the number of channels, never on the number of rows.
 * State 0 is (start); channel id c is state c + 1.
 */
export class MarkovChain {
  private stateCapacity = 16;
  private transitions = new Float64Array(this.stateCapacity * this.stateCapacity);
  private toConversion = new Float64Array(this.stateCapacity);
  private toNull = new Float64Array(this.stateCapacity);
  private inWeight = new Float64Array(this.stateCapacity);

  ensureChannelCapacity(channelCount: number): void {
    const needed = channelCount + 1;
    if (needed <= this.stateCapacity) return;
    const old = this.stateCapacity;
    const size = Math.max(needed, old * 2);
    const transitions = new Float64Array(size * size);
    for (let row = 0; row < old; row++) {
      transitions.set(this.transitions.subarray(row * old, row * old + old), row * size);
    }
    this.transitions = transitions;
    this.toConversion = grown(this.toConversion, size);
    this.toNull = grown(this.toNull, size);
    this.inWeight = grown(this.inWeight, size);
    this.stateCapacity = size;
  }

  /** Adds one path (channel ids) with its conversions and nulls; consecutive repeats collapse. */
  addPath(ids: Int32Array, length: number, conversions: number, nulls: number): void {
    const weight = conversions + nulls;
    if (weight === 0 || length === 0) return;
    const { transitions, inWeight, stateCapacity } = this;
    let from = 0;
    for (let i = 0; i < length; i++) {
      const to = ids[i]! + 1;
      if (to === from) continue;
      transitions[from * stateCapacity + to]! += weight;
      inWeight[to]! += weight;
      from = to;
    }
    this.toConversion[from]! += conversions;
    this.toNull[from]! += nulls;
  }

  /**
   * RE_k = 1 − P₋ₖ(conv) / P(conv), removing k by sending every transition into it to (null).
   * P(conv) = P(reach k)·x_k + P(convert without reaching k), and removal zeroes the first term, so
   * RE_k = P(reach k)·x_k / P(conv) with P(reach k) = N₀ₖ / Nₖₖ from the fundamental matrix
   * N = (I − Q)⁻¹: one inversion instead of one solve per channel, still exact.
   */
  removalEffects(channelCount: number): RemovalEffects {
    const n = channelCount + 1;
    const { system, absorption } = this.absorbingSystem(n);
    const visits = invertMatrix(system, n);
    const conversionFrom = new Float64Array(n);
    for (let from = 0; from < n; from++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += visits[from * n + k]! * absorption[k]!;
      conversionFrom[from] = sum;
    }
    const conversionProbability = conversionFrom[0]!;
    const effects = new Float64Array(channelCount).fill(Number.NaN);
    for (let channel = 0; channel < channelCount; channel++) {
      const state = channel + 1;
      if (this.inWeight[state] === 0) continue;
      if (conversionProbability === 0) {
        effects[channel] = 0;
        continue;
      }
      const reachProbability = visits[state]! / visits[state * n + state]!;
      // Clamped: rounding can leave −1e−17 where a channel does not matter.
      effects[channel] = Math.max(0, (reachProbability * conversionFrom[state]!) / conversionProbability);
    }
    return { conversionProbability, effects };
  }

  /** (I − Q)·x = r over the transient states, x = probability of absorption in (conversion). */
  private absorbingSystem(n: number): { system: Float64Array; absorption: Float64Array } {
    const { transitions, stateCapacity } = this;
    const system = new Float64Array(n * n);
    const absorption = new Float64Array(n);
    for (let from = 0; from < n; from++) {
      let out = this.toConversion[from]! + this.toNull[from]!;
      for (let to = 0; to < n; to++) out += transitions[from * stateCapacity + to]!;
      system[from * n + from] = 1;
      if (out === 0) continue;
      for (let to = 0; to < n; to++) system[from * n + to]! -= transitions[from * stateCapacity + to]! / out;
      absorption[from] = this.toConversion[from]! / out;
    }
    return { system, absorption };
  }
}
