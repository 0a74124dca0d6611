import type { SqlEntityManager } from '@mikro-orm/postgresql';
import Stripe from 'stripe';
import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import { forgetCustomer, organizationOfCustomer, recordCustomer, storedCustomerOf } from './billing-customer.store.js';
import { BillingError, billingProviderUnavailable } from './billing.errors.js';
import { callStripe, type StripeClient } from './stripe/stripe-client.js';

/**
 * The organization's one Stripe customer (the organization owns it, not a browser session). A
 * customer Stripe no longer has (deleted in the Dashboard, test data cleared, keys of the other mode)
 * is marked deleted rather than dropped: its late events still find the organization, and the next
 * customer replaces it.
 */
export class BillingCustomers {
  constructor(
    private readonly orm: Orm,
    private readonly clock: Clock,
  ) {}

  async customerOf(organizationId: string): Promise<string | null> {
    return (await storedCustomerOf(this.orm, organizationId))?.live ?? null;
  }

  async organizationOf(em: SqlEntityManager, stripeCustomerId: string): Promise<string | null> {
    return organizationOfCustomer(em, stripeCustomerId);
  }

  /**
   * Exactly one customer, even under concurrent calls, and no lock or transaction held while Stripe
   * answers: every caller that finds none asks Stripe with the same idempotency key, so they all get
   * the one customer Stripe made (also after a lost response), and the first to record it wins. A
   * replacement has a key of its own, or Stripe would answer with the deleted one again. If Stripe
   * fails, nothing is stored.
   */
  async getOrCreate(stripe: StripeClient, organizationId: string, email: string): Promise<string> {
    const stored = await storedCustomerOf(this.orm, organizationId);
    if (stored?.live) return stored.live;
    const idempotencyKey = stored
      ? `aa-customer-${organizationId}-replacing-${stored.deleted}`
      : `aa-customer-${organizationId}`;
    let created: string;
    try {
      const customer = await callStripe(() =>
        stripe.customers.create({ email, metadata: { organization_id: organizationId } }, { idempotencyKey }),
      );
      created = customer.id;
    } catch (error) {
      // The same key sent with another email (two admins at once): the other caller's customer is the one.
      if (!(error instanceof Stripe.errors.StripeIdempotencyError)) throw error;
      const recorded = await storedCustomerOf(this.orm, organizationId);
      if (recorded?.live) return recorded.live;
      throw billingProviderUnavailable();
    }
    return this.#record(organizationId, created, email, stored?.deleted ?? null);
  }

  /**
   * Stores the customer unless another caller stored a live one first (then that one is the answer):
   * an existing row is replaced only while it is the deleted customer this call replaces.
   */
  async #record(organizationId: string, customerId: string, email: string, replacing: string | null): Promise<string> {
    const customer = { organizationId, stripeCustomerId: customerId, email, replacing };
    if (await recordCustomer(this.orm, customer, this.clock.now())) return customerId;
    const recorded = await storedCustomerOf(this.orm, organizationId);
    if (!recorded?.live)
      throw new Error(`billing customer of organization ${organizationId} vanished while recording it`);
    return recorded.live;
  }

  /**
   * Runs a Stripe call that names the organization's customer. Without one, it is created when an
   * email is given (else NO_BILLING_CUSTOMER). If Stripe answers that the stored customer does not
   * exist, it is forgotten and the call runs once more with a new customer (same billing email).
   */
  async withCustomer<T>(
    stripe: StripeClient,
    organizationId: string,
    call: (customerId: string) => Promise<T>,
    options: { email?: string } = {},
  ): Promise<T> {
    const stored = await storedCustomerOf(this.orm, organizationId);
    let customerId = stored?.live ?? null;
    if (!customerId) {
      if (!options.email) throw noCustomer();
      customerId = await this.getOrCreate(stripe, organizationId, options.email);
    }
    try {
      return await call(customerId);
    } catch (error) {
      if (!isMissingCustomer(error)) throw error;
      await this.forget(customerId);
      const email = options.email ?? stored?.email;
      if (!email) throw noCustomer();
      return call(await this.getOrCreate(stripe, organizationId, email));
    }
  }

  /** Stripe no longer has this customer: the next billing call makes a new one. Returns its organization. */
  async forget(stripeCustomerId: string): Promise<string | null> {
    return forgetCustomer(this.orm, stripeCustomerId, this.clock.now());
  }
}

/** Stripe's answer for a call naming a customer it does not have (or one of the other mode). */
export function isMissingCustomer(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeInvalidRequestError &&
    error.code === 'resource_missing' &&
    error.param === 'customer'
  );
}

function noCustomer(): BillingError {
  return new BillingError(
    'NO_BILLING_CUSTOMER',
    'This organization has no billing account yet: subscribe to a plan first',
  );
}
