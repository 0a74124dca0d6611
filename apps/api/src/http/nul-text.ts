/**
 * Whether any string in a parsed JSON value (or any of its object keys) holds U+0000. PostgreSQL's
 * text and jsonb cannot store it, so input holding it is refused at the edge as the client's fault
 * rather than failing later as a database error.
 */
export function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, item]) => key.includes('\0') || holdsNul(item));
  }
  return false;
}
