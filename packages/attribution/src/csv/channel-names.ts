import { NAME_SLOTS, nameSlot } from '../name-slot.js';

/**
 * Hands out one string per channel name seen in a line, without slicing when it is a recent one:
 * a million-row file then allocates a few strings instead of millions, and the engine's channel
 * cache recognises them by identity.
 */
export class ChannelNames {
  private readonly recent: Array<string | undefined> = new Array<string | undefined>(NAME_SLOTS).fill(undefined);

  /** The channel name at text[from, to). */
  at(text: string, from: number, to: number): string {
    const slot = nameSlot(to - from, text.charCodeAt(from));
    const cached = this.recent[slot];
    if (cached !== undefined && cached.length === to - from && text.startsWith(cached, from)) return cached;
    const name = text.slice(from, to);
    this.recent[slot] = name;
    return name;
  }
}
