/** Slots of the small direct-mapped name caches: channels are few, so collisions are rare. */
export const NAME_SLOTS = 256;

/** The cache slot of a channel name, from its length and first character. */
export function nameSlot(length: number, firstCharCode: number): number {
  return (length * 31 + firstCharCode) & (NAME_SLOTS - 1);
}
