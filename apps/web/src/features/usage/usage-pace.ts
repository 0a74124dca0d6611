// What the usage card and banners say about the period's attribution runs. Pure: unit-tested.
import { formatCount, formatDay } from '../../lib/format.js';

export interface RunsMeter {
  readonly used: number;
  readonly limit: number;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly projectedUsed: number;
  readonly projectedToExceedOn: string | null;
}

/** The period's last day: its end is an exclusive instant (midnight of the next one). */
export function lastDayOf(periodEnd: string): string {
  return new Date(new Date(periodEnd).getTime() - 1).toISOString();
}

export interface Pace {
  readonly text: string;
  readonly overLimit: boolean;
}

/** "At this pace: ~1,550 runs by Jul 31, 2026", with the day it would pass the limit when it would. */
export function paceOf(meter: RunsMeter): Pace {
  const text = `At this pace: ~${formatCount(meter.projectedUsed)} runs by ${formatDay(lastDayOf(meter.periodEnd))}`;
  if (!meter.projectedToExceedOn) return { text, overLimit: false };
  return {
    text: `${text}, past your ${formatCount(meter.limit)}-run limit around ${formatDay(meter.projectedToExceedOn)}`,
    overLimit: true,
  };
}

export type BannerLevel = 'warning' | 'exhausted';

/** A banner from 80% of the period's runs; at 100% it cannot be dismissed. */
export function bannerLevelOf({ used, limit }: Pick<RunsMeter, 'used' | 'limit'>): BannerLevel | null {
  if (limit <= 0 || used >= limit) return 'exhausted';
  return used / limit >= 0.8 ? 'warning' : null;
}

export function bannerText(level: BannerLevel, meter: Pick<RunsMeter, 'used' | 'limit' | 'periodEnd'>): string {
  const resets = `They reset on ${formatDay(meter.periodEnd)}.`;
  if (level === 'exhausted') {
    return `You have used all ${formatCount(meter.limit)} attribution runs of this period: new runs are refused. ${resets}`;
  }
  const percent = Math.floor((meter.used / meter.limit) * 100);
  return `You have used ${percent}% of this period’s attribution runs (${formatCount(meter.used)} of ${formatCount(meter.limit)}). ${resets}`;
}
