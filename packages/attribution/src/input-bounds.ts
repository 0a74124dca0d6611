/**
 * What stored input may hold, for every way in (one tracked journey, a CSV import). The engine
 * itself accepts any finite number; these bounds keep stored data summable and storable:
 * - an amount (a journey's value, a path row's conversions, value or nulls) is at most a trillion,
 *   so the sum over every journey an organization may store stays finite (1e308 once made every
 *   report of its organization fail);
 * - a time lies in the years 1 to 9999 (UTC), which PostgreSQL, JSON dates and every client hold.
 */
export const MAX_AMOUNT = 1e12;
export const EARLIEST_TIME_MS = Date.parse('0001-01-01T00:00:00.000Z');
export const LATEST_TIME_MS = Date.parse('9999-12-31T23:59:59.999Z');

/** Finite, at least 0 and at most MAX_AMOUNT (NaN fails every comparison). */
export function isAmountInRange(amount: number): boolean {
  return amount >= 0 && amount <= MAX_AMOUNT;
}

export function isTimeInRange(ms: number): boolean {
  return ms >= EARLIEST_TIME_MS && ms <= LATEST_TIME_MS;
}

export const AMOUNT_RANGE_TEXT = `a number from 0 to ${MAX_AMOUNT.toLocaleString('en-US')}`;
export const TIME_RANGE_TEXT = 'between the years 1 and 9999';
