import { DomainError } from '../../errors/domain-error.js';

/** A bucket was empty: HTTP 429, `extensions.retryAfter` in seconds (also sent as Retry-After). */
export class RateLimitError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(policy: string, retryAfterSeconds: number) {
    super(`Too many requests (${policy} limit); retry in ${retryAfterSeconds} seconds`, 'RATE_LIMITED', {
      details: { policy, retryAfter: retryAfterSeconds },
    });
  }
}
