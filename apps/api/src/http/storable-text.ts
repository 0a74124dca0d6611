/** With the u flag a pair is one code point, so only an unpaired surrogate matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Whether any string in a parsed JSON value (or any of its object keys) holds text PostgreSQL cannot
 * store: U+0000 (text and jsonb refuse it) or a lone UTF-16 surrogate (jsonb refuses its escape; a
 * text parameter would silently become U+FFFD). Such input is refused at the edge as the client's
 * fault rather than failing later as a database error.
 */
export function holdsUnstorableText(value: unknown): boolean {
  // A stack of its own, not recursion: a body may nest thousands of levels deep.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (item.includes('\0') || LONE_SURROGATE.test(item)) return true;
    } else if (Array.isArray(item)) {
      pending.push(...item);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, nested] of Object.entries(item)) pending.push(key, nested);
    }
  }
  return false;
}
