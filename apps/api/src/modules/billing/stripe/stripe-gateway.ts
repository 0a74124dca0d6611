import type { PaidPlanTier } from '@aa/plans';
import type { BillingConfig } from '../../../config/billing.js';
import { BillingError } from '../billing.errors.js';
import type { PriceIds } from '../stripe-prices.js';
import { createStripeClient, type StripeClient } from './stripe-client.js';
import type { StripeConnection } from './stripe-connection.js';

/**
 * The Stripe client and its settings. Without a connection (emulator mode when the app is built
 * outside main.ts, e.g. in tests of other modules) billing calls fail with a typed error.
 */
export class StripeGateway {
  readonly #client: StripeClient | null;

  constructor(
    private readonly connection: StripeConnection | null,
    config: BillingConfig,
  ) {
    this.#client = connection ? createStripeClient(connection, config) : null;
  }

  get connected(): boolean {
    return this.#client !== null;
  }

  client(): StripeClient {
    if (!this.#client) throw notConnected();
    return this.#client;
  }

  priceIds(): PriceIds {
    if (!this.connection) throw notConnected();
    return this.connection.priceIds;
  }

  priceIdOf(tier: PaidPlanTier): string {
    return this.priceIds()[tier];
  }

  webhookSecret(): string {
    if (!this.connection) throw notConnected();
    return this.connection.webhookSecret;
  }
}

function notConnected(): BillingError {
  return new BillingError('BILLING_PROVIDER_UNAVAILABLE', 'Online billing is not configured on this server');
}
