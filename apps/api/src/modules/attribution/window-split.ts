import type { ReportWindow } from './journey-feed.store.js';
import type { DayRange } from './path-aggregate.store.js';

const DAY_MS = 86_400_000;

/** An instant range [from, to) or [from, to] of journey times; null ends are open. */
export interface TimeRange {
  from: Date | null;
  to: Date | null;
  toInclusive: boolean;
}

/** A window as the aggregates read it: the UTC days wholly inside it, and the edges around them (from journeys). */
export interface WindowSplit {
  days: DayRange | null;
  edges: TimeRange[];
}

/**
 * A UTC day as PostgreSQL reads a date. Windows reach from year 1 to 9999, so the day before the first
 * (year 0 in JavaScript, 1 BC to PostgreSQL) and the day after the last (year 10000) must be spelled
 * out: toISOString would give "0000-12-31", which PostgreSQL refuses, and "+010000-01-01".
 */
function isoDay(ms: number): string {
  const day = new Date(ms);
  const year = day.getUTCFullYear();
  const monthDay = `${String(day.getUTCMonth() + 1).padStart(2, '0')}-${String(day.getUTCDate()).padStart(2, '0')}`;
  return year > 0
    ? `${String(year).padStart(4, '0')}-${monthDay}`
    : `${String(1 - year).padStart(4, '0')}-${monthDay} BC`;
}

/**
 * Day d (its instants [d, d + 1 day)) is wholly inside [from, to] when from <= d and d + 1 day <= to
 * (times are stored in microseconds and windows are whole milliseconds, so d + 1 day − 1 µs <= to
 * means the same). What lies outside the whole days is read from the journeys.
 */
export function splitWindow({ from, to }: ReportWindow): WindowSplit {
  if (!from && !to) return { days: { from: null, to: null, timeless: true }, edges: [] };
  const firstDay = from ? Math.ceil(from.getTime() / DAY_MS) * DAY_MS : null;
  const lastDay = to ? Math.floor(to.getTime() / DAY_MS) * DAY_MS - DAY_MS : null;
  if (firstDay !== null && lastDay !== null && firstDay > lastDay)
    return { days: null, edges: [{ from, to, toInclusive: true }] };
  const edges: TimeRange[] = [];
  if (from && firstDay !== null && firstDay > from.getTime())
    edges.push({ from, to: new Date(firstDay), toInclusive: false });
  if (to && lastDay !== null) edges.push({ from: new Date(lastDay + DAY_MS), to, toInclusive: true });
  const days = {
    from: firstDay === null ? null : isoDay(firstDay),
    to: lastDay === null ? null : isoDay(lastDay),
    timeless: false,
  };
  return { days, edges };
}
