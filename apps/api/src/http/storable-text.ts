/** With the u flag a pair is one code point, so only an unpaired surrogate matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Whether any string in a parsed JSON value (or any of its object keys) holds text PostgreSQL cannot
 * store: U+0000 (text and jsonb refuse it) or a lone UTF-16 surrogate (jsonb refuses its escape; a
 * text parameter would silently become U+FFFD). Such input is refused at the edge as the client's
 * fault rather than failing later as a database error.
 */
export function holdsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0') || LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(holdsUnstorableText);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, item]) => holdsUnstorableText(key) || holdsUnstorableText(item));
  }
  return false;
}
