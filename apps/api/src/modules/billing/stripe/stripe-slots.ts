/**
 * A counting semaphore whose waiters give up: at most `size` holders at once, and a waiter not let
 * in within its time limit gets null instead of a slot. First come, first served.
 */
export class StripeSlots {
  #free: number;
  readonly #waiting: Array<(release: () => void) => void> = [];

  constructor(size: number) {
    this.#free = size;
  }

  /** A release function once a slot is free, or null after `timeoutMs` without one. */
  acquire(timeoutMs: number): Promise<(() => void) | null> {
    if (this.#free > 0) {
      this.#free -= 1;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve) => {
      const grant = (release: () => void) => {
        clearTimeout(timer);
        resolve(release);
      };
      const timer = setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(grant), 1);
        resolve(null);
      }, timeoutMs);
      this.#waiting.push(grant);
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next(this.#releaser());
      else this.#free += 1;
    };
  }
}
