import Stripe from 'stripe';
import type { Logger } from '../../../observability/logger.js';
import type { Principal } from '../../accounts/index.js';
import type { BillingCustomers } from '../billing-customers.js';
import { BillingError } from '../billing.errors.js';
import { callStripe, type StripeClient } from '../stripe/stripe-client.js';
import type { StripeGateway } from '../stripe/stripe-gateway.js';
import { ensurePortalConfiguration, portalReturnUrl } from './portal-configuration.js';

/**
 * Opens Stripe's customer portal with the product's own configuration, passed explicitly: a Stripe
 * account has no default one until its portal settings are saved in the Dashboard. The configuration
 * is ensured once per process, on first use, and again if Stripe no longer has it.
 */
export class PortalService {
  #configuration: Promise<string> | null = null;

  constructor(
    private readonly gateway: StripeGateway,
    private readonly customers: BillingCustomers,
    private readonly publicUrl: string,
    private readonly log: Logger,
  ) {}

  async createPortalSession(principal: Principal): Promise<{ url: string }> {
    const stripe = this.gateway.client();
    try {
      return await this.customers.withCustomer(stripe, principal.organizationId, (customer) =>
        this.#open(stripe, customer),
      );
    } catch (error) {
      if (error instanceof BillingError || !(error instanceof Stripe.errors.StripeError)) throw error;
      this.log.warn(
        { organizationId: principal.organizationId, stripeError: error.type, code: error.code, reason: error.message },
        'Stripe refused to open the customer portal',
      );
      throw new BillingError(
        'BILLING_PORTAL_UNAVAILABLE',
        'Billing management cannot be opened right now; nothing was changed. Please try again in a few minutes, and contact support if it keeps failing.',
      );
    }
  }

  async #open(stripe: StripeClient, customer: string): Promise<{ url: string }> {
    try {
      return await this.#session(stripe, customer, await this.#configurationId(stripe));
    } catch (error) {
      if (!namesConfiguration(error)) throw error;
      // Deleted or deactivated (in the Dashboard, or with the account's test data): made again once.
      this.#configuration = null;
      return this.#session(stripe, customer, await this.#configurationId(stripe));
    }
  }

  async #session(stripe: StripeClient, customer: string, configuration: string): Promise<{ url: string }> {
    const session = await callStripe(() =>
      stripe.billingPortal.sessions.create({ customer, configuration, return_url: portalReturnUrl(this.publicUrl) }),
    );
    return { url: session.url };
  }

  #configurationId(stripe: StripeClient): Promise<string> {
    if (!this.#configuration) {
      const ensuring = callStripe(() =>
        ensurePortalConfiguration(stripe, {
          priceIds: this.gateway.priceIds(),
          returnUrl: portalReturnUrl(this.publicUrl),
        }),
      ).then((ensured) => ensured.id);
      // A failed attempt is not remembered: the next request tries again.
      ensuring.catch(() => {
        if (this.#configuration === ensuring) this.#configuration = null;
      });
      this.#configuration = ensuring;
    }
    return this.#configuration;
  }
}

/** Stripe refused the configuration itself (missing or inactive), not the customer or the request. */
function namesConfiguration(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.param === 'configuration';
}
