import type { Store } from '../store/store.js';

/**
 * Emulated time in Unix seconds. Objects of a customer attached to a test clock live at that clock's
 * frozen time; everything else at the emulator's clock (the wall clock unless a test injects one).
 */
export class Clock {
  constructor(
    private readonly store: Store,
    private readonly nowMs: () => number,
  ) {}

  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  forCustomer(customerId: string | null): number {
    const clockId = this.testClockOf(customerId);
    return clockId ? this.store.testClocks.get(clockId).frozen_time : this.now();
  }

  testClockOf(customerId: string | null): string | null {
    if (!customerId) return null;
    const testClock = this.store.customers.find(customerId)?.test_clock;
    return typeof testClock === 'string' ? testClock : null;
  }
}

/** The same day-of-month `months` later (clamped to the month's end), as Stripe bills monthly. */
export function addMonths(unixSeconds: number, months: number): number {
  const start = new Date(unixSeconds * 1000);
  const target = new Date(start);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return Math.floor(target.getTime() / 1000);
}

export function addInterval(unixSeconds: number, interval: string, count: number): number {
  switch (interval) {
    case 'day':
      return unixSeconds + count * 86_400;
    case 'week':
      return unixSeconds + count * 7 * 86_400;
    case 'year':
      return addMonths(unixSeconds, 12 * count);
    default:
      return addMonths(unixSeconds, count);
  }
}
