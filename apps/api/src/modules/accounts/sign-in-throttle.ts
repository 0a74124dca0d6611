import type { Clock } from '../../clock.js';
import { AccountsError } from './accounts.errors.js';

interface FailureWindow {
  failures: number;
  lockedUntil: number;
}

/**
 * Slows down password guessing: after `maxFailures` failed sign-ins for one email, further attempts
 * are refused until the lockout passes. Kept in memory: it protects a single instance, and a restart
 * merely resets the count.
 */
export class SignInThrottle {
  readonly #windows = new Map<string, FailureWindow>();

  constructor(
    private readonly clock: Clock,
    private readonly maxFailures: number,
    private readonly lockoutSeconds: number,
  ) {}

  assertAllowed(email: string): void {
    const window = this.#windows.get(email);
    if (!window) return;
    const retryAfterSeconds = Math.ceil((window.lockedUntil - this.clock.now().getTime()) / 1000);
    if (retryAfterSeconds > 0) {
      throw new AccountsError(
        'TOO_MANY_ATTEMPTS',
        `Too many failed sign-ins; try again in ${retryAfterSeconds} seconds`,
        {
          details: { retryAfterSeconds },
        },
      );
    }
    if (window.lockedUntil > 0) this.#windows.delete(email);
  }

  recordFailure(email: string): void {
    const window = this.#windows.get(email) ?? { failures: 0, lockedUntil: 0 };
    window.failures += 1;
    if (window.failures >= this.maxFailures) {
      window.lockedUntil = this.clock.now().getTime() + this.lockoutSeconds * 1000;
    }
    this.#windows.set(email, window);
  }

  recordSuccess(email: string): void {
    this.#windows.delete(email);
  }
}
