import { grown } from './typed-arrays.js';

/**
 * The path being credited, held in reusable typed arrays so that crediting a row allocates nothing.
 * The accumulator fills it for one journey or path row at a time.
 */
export class PathContext {
  ids = new Int32Array(64);
  /** Days from each touch to the conversion; valid only when hasAges. */
  ageDays = new Float64Array(64);
  length = 0;
  hasAges = false;
  /** Position of the last touch marked lead / opportunity, −1 when none. */
  leadPosition = -1;
  opportunityPosition = -1;
  /** Id of the direct channel, −1 while it has not been seen. */
  directId = -1;
  conversions = 0;
  value = 0;
  /** Scratch for the distinct channels of the path (SHAPLEY). */
  distinctIds = new Int32Array(64);
  private seenStamp = new Int32Array(16);
  private stamp = 0;

  reset(): void {
    this.length = 0;
    this.hasAges = false;
    this.leadPosition = -1;
    this.opportunityPosition = -1;
  }

  push(id: number): void {
    if (this.length === this.ids.length) this.growPath(this.length + 1);
    this.ids[this.length++] = id;
  }

  /** Makes room for a path of `length` touches, for callers that fill `ids` directly. */
  ensurePathLength(length: number): void {
    if (length > this.ids.length) this.growPath(length);
  }

  ensureChannelCapacity(channelCount: number): void {
    if (channelCount <= this.seenStamp.length) return;
    this.seenStamp = grown(this.seenStamp, Math.max(channelCount, this.seenStamp.length * 2));
  }

  /** Fills distinctIds with the path's channels, each once; returns how many. */
  collectDistinct(): number {
    // A fresh stamp marks "seen in this path" without clearing the array each time.
    const stamp = ++this.stamp;
    const { ids, seenStamp, distinctIds } = this;
    let count = 0;
    for (let i = 0; i < this.length; i++) {
      const id = ids[i]!;
      if (seenStamp[id] !== stamp) {
        seenStamp[id] = stamp;
        distinctIds[count++] = id;
      }
    }
    return count;
  }

  private growPath(minimum: number): void {
    const size = Math.max(minimum, this.ids.length * 2);
    this.ids = grown(this.ids, size);
    this.ageDays = grown(this.ageDays, size);
    this.distinctIds = new Int32Array(size);
  }
}
