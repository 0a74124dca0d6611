// Display formatting shared by pages; numbers and dates use the browser's locale in UTC-safe ways.

const wholeNumber = new Intl.NumberFormat('en-US');
const credit = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayTime = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatCount(value: number): string {
  return wholeNumber.format(value);
}

/** "1 journey", "2,000 journeys": English plurals are enough for the words the app counts. */
export function formatQuantity(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

export function formatCredit(value: number): string {
  return credit.format(value);
}

export function formatPriceMonthly(cents: number): string {
  return money.format(cents / 100);
}

/** An amount charged or refunded, to the cent: "$48.99". */
export function formatMoney(amountCents: number): string {
  return cents.format(amountCents / 100);
}

/** "31 Dec": for sentences about the current billing period, which is never a year away. */
export function formatDayMonth(iso: string): string {
  return dayMonth.format(new Date(iso));
}

export function formatDay(iso: string): string {
  return day.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dayTime.format(new Date(iso));
}

/** A period ends at an exclusive instant; people read its last day, not the next one's midnight. */
export function formatPeriod(startIso: string, endIso: string): string {
  const lastInstant = new Date(new Date(endIso).getTime() - 1).toISOString();
  return `${formatDay(startIso)} – ${formatDay(lastInstant)}`;
}

export type MeterTone = 'ok' | 'warning' | 'critical';

export interface MeterReading {
  readonly label: string;
  readonly percent: number;
  readonly tone: MeterTone;
}

const WARNING_AT = 80;
const CRITICAL_AT = 100;

export function readMeter(used: number, limit: number): MeterReading {
  const percent = limit > 0 ? Math.min(100, Math.round((used / limit) * 1000) / 10) : 100;
  const tone: MeterTone = percent >= CRITICAL_AT ? 'critical' : percent >= WARNING_AT ? 'warning' : 'ok';
  return { label: `${formatCount(used)} / ${formatCount(limit)}`, percent, tone };
}
