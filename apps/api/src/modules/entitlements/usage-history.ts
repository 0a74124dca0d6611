/**
 * Per-day usage over a billing period and its projection to the period's end. Days are UTC calendar
 * days counted from the UTC day the period starts on (a paid period starting 10:32 on the 15th has the
 * 15th as its day 0), so the day index only needs the period's start and "now".
 */

const DAY_MS = 86_400_000;

function utcDay(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/** 0 for the period's first UTC day; never negative (a clock set before the period counts as day 0). */
export function dayOfPeriod(periodStart: Date, now: Date): number {
  return Math.max(utcDay(now) - utcDay(periodStart), 0);
}

export interface UsageDayData {
  /** YYYY-MM-DD, UTC. */
  date: string;
  used: number;
}

export interface UsageHistory {
  daily: UsageDayData[];
  projectedUsed: number;
  projectedToExceedOn: string | null;
}

function dateOfDay(periodStart: Date, day: number): string {
  return new Date((utcDay(periodStart) + day) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * `counts[i]` are the units of day i. The projection is linear: the average daily use so far (today
 * counted as a whole day) times the period's days, never below what is already used. It exceeds the
 * limit on the first day whose cumulative projected use (average × days so far) is above the limit;
 * null when the projection stays within the limit or nothing is used yet.
 */
export function usageHistory(
  period: { start: Date; end: Date },
  now: Date,
  used: number,
  limit: number,
  counts: readonly number[],
): UsageHistory {
  const periodDays = dayOfPeriod(period.start, new Date(period.end.getTime() - 1)) + 1;
  const elapsedDays = Math.min(dayOfPeriod(period.start, now) + 1, periodDays);
  const daily = Array.from({ length: elapsedDays }, (_, day) => ({
    date: dateOfDay(period.start, day),
    used: counts[day] ?? 0,
  }));
  const projectedUsed = Math.max(used, Math.round((used * periodDays) / elapsedDays));
  let projectedToExceedOn: string | null = null;
  // In integers (used / elapsedDays × n > limit ⇔ used × n > limit × elapsedDays), so a pace that
  // lands exactly on the limit does not "cross" it through a rounding error.
  if (used > 0 && used * periodDays > limit * elapsedDays) {
    // The first 0-based day d with used × (d + 1) > limit × elapsedDays.
    const day = Math.floor((limit * elapsedDays) / used);
    projectedToExceedOn = day < periodDays ? dateOfDay(period.start, day) : null;
  }
  return { daily, projectedUsed, projectedToExceedOn };
}
