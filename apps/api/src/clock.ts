/** The source of "now", injected wherever periods or expiries are computed, so tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
