import type { PathContext } from './path-context.js';
import { grown } from './typed-arrays.js';

/** Per-channel sums of one model: all a heuristic model needs to remember, whatever the row count. */
export class CreditTally {
  conversions = new Float64Array(16);
  value = new Float64Array(16);

  constructor(private readonly path: PathContext) {}

  /** Gives `share` of the current path's conversions and value to a channel. */
  add(channelId: number, share: number): void {
    this.conversions[channelId]! += share * this.path.conversions;
    this.value[channelId]! += share * this.path.value;
  }

  /** Adds amounts computed elsewhere (an aggregate's precomputed TIME_DECAY credit) to a channel. */
  addAmounts(channelId: number, conversions: number, value: number): void {
    this.conversions[channelId]! += conversions;
    this.value[channelId]! += value;
  }

  ensureChannelCapacity(channelCount: number): void {
    if (channelCount <= this.conversions.length) return;
    const size = Math.max(channelCount, this.conversions.length * 2);
    this.conversions = grown(this.conversions, size);
    this.value = grown(this.value, size);
  }
}
