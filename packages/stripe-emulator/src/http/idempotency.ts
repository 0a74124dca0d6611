import { StripeApiError } from './errors.js';

interface StoredResponse {
  fingerprint: string;
  status: number;
  body: string;
}

/**
 * `Idempotency-Key`: the same key with the same request replays the first response; with another
 * request it is an `idempotency_error`, as on Stripe.
 */
export class IdempotencyCache {
  private readonly responses = new Map<string, StoredResponse>();

  lookup(key: string, fingerprint: string): StoredResponse | undefined {
    const stored = this.responses.get(key);
    if (stored && stored.fingerprint !== fingerprint) {
      throw new StripeApiError(
        400,
        'idempotency_error',
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    return stored;
  }

  remember(key: string, fingerprint: string, status: number, body: string): void {
    this.responses.set(key, { fingerprint, status, body });
  }
}
