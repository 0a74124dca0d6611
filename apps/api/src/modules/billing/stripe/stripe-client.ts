import Stripe from 'stripe';
import type { BillingConfig } from '../../../config/billing.js';
import { billingProviderUnavailable } from '../billing.errors.js';
import type { StripeConnection } from './stripe-connection.js';

export type StripeClient = Stripe;

export function createStripeClient(connection: StripeConnection, config: BillingConfig): StripeClient {
  return new Stripe(connection.secretKey, {
    maxNetworkRetries: config.maxNetworkRetries,
    timeout: config.timeoutMs,
    ...(connection.api ?? {}),
    ...(connection.beforeRequest ? { httpClient: gatedHttpClient(connection.beforeRequest) } : {}),
  });
}

/**
 * The SDK's own HTTP client, each request waiting for `gate` first. A gate that throws fails the
 * request like a network error (StripeConnectionError, then BILLING_PROVIDER_UNAVAILABLE).
 */
function gatedHttpClient(gate: () => Promise<void>): Stripe.HttpClient {
  const inner: Stripe.HttpClient = Stripe.createNodeHttpClient();
  return {
    getClientName: () => inner.getClientName(),
    makeRequest: async (...request: Parameters<Stripe.HttpClient['makeRequest']>) => {
      await gate();
      return inner.makeRequest(...request);
    },
  };
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
