import Stripe from 'stripe';
import type { BillingConfig } from '../../../config/billing.js';
import { billingProviderUnavailable } from '../billing.errors.js';
import type { StripeConnection } from './stripe-connection.js';
import { StripeSlots } from './stripe-slots.js';

export type StripeClient = Stripe;

/**
 * The SDK with a bounded cost per call: each attempt has its share of the deadline (BillingConfig
 * attemptTimeoutMs), waiting for one of `concurrency` slots included, so a call with its retries
 * ends within STRIPE_TIMEOUT_MS however Stripe behaves, and a hanging Stripe holds at most that many
 * sockets of this process.
 */
export function createStripeClient(connection: StripeConnection, config: BillingConfig): StripeClient {
  return new Stripe(connection.secretKey, {
    maxNetworkRetries: config.maxNetworkRetries,
    timeout: config.attemptTimeoutMs,
    ...(connection.api ?? {}),
    httpClient: boundedHttpClient(new StripeSlots(config.concurrency), connection.beforeRequest),
  });
}

/**
 * The SDK's own HTTP client, each attempt waiting for a slot (then for `gate`, if any) within its
 * timeout. Running out of time there, or a gate that throws, fails the attempt like a network error
 * (the SDK retries it, then StripeConnectionError, then BILLING_PROVIDER_UNAVAILABLE).
 */
function boundedHttpClient(slots: StripeSlots, gate?: () => Promise<void>): Stripe.HttpClient {
  const inner: Stripe.HttpClient = Stripe.createNodeHttpClient();
  return {
    getClientName: () => inner.getClientName(),
    makeRequest: async (host, port, path, method, headers, body, protocol, timeout) => {
      const started = performance.now();
      const release = await slots.acquire(timeout);
      if (!release) throw timedOut();
      try {
        if (gate) await gate();
        const left = Math.floor(timeout - (performance.now() - started));
        if (left <= 0) throw timedOut();
        return await inner.makeRequest(host, port, path, method, headers, body, protocol, left);
      } finally {
        release();
      }
    },
  };
}

/** What the SDK's own client throws when an attempt runs out of time. */
function timedOut(): Error {
  return Object.assign(new TypeError(Stripe.HttpClient.TIMEOUT_ERROR_CODE), {
    code: Stripe.HttpClient.TIMEOUT_ERROR_CODE,
  });
}

/**
 * Runs a Stripe call; a network failure (after the SDK's bounded retries), a Stripe-side outage or
 * rate limiting becomes BILLING_PROVIDER_UNAVAILABLE. Request errors (our bug) propagate as they are.
 */
export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (
      error instanceof Stripe.errors.StripeConnectionError ||
      error instanceof Stripe.errors.StripeAPIError ||
      error instanceof Stripe.errors.StripeRateLimitError
    ) {
      throw billingProviderUnavailable();
    }
    throw error;
  }
}
