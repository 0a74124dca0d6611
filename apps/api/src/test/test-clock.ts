import type { Clock } from '../clock.js';

/** A clock tests set by hand: moving to the next month needs no waiting. */
export class TestClock implements Clock {
  #now: Date;

  constructor(start: Date = new Date()) {
    this.#now = new Date(start);
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(to: Date | string): void {
    this.#now = new Date(to);
  }
}
