export interface BillingPeriod {
  start: Date;
  end: Date;
}

/** FREE plans count usage per calendar month in UTC. */
export function calendarMonthUtc(now: Date): BillingPeriod {
  return {
    start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
    end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
  };
}
