import Stripe from 'stripe';
import type { Orm } from '../../db/orm.js';
import type { BillingCustomers } from './billing-customers.js';
import type { SubscriptionSync } from './subscription-sync.js';
import type { SubscriptionStore } from './subscription.store.js';

export interface DeletedCustomerOutcome {
  organizationId: string | null;
  /** The customer's subscriptions brought to Stripe's state (deleting a customer cancels them). */
  synced: string[];
  /** Subscriptions Stripe no longer has either; reconciliation ends their rows. */
  missing: string[];
}

/** A customer deleted in Stripe: its subscriptions follow Stripe, and the organization will get a new customer. */
export class DeletedCustomers {
  constructor(
    private readonly orm: Orm,
    private readonly store: SubscriptionStore,
    private readonly sync: SubscriptionSync,
    private readonly customers: BillingCustomers,
  ) {}

  async apply(stripeCustomerId: string): Promise<DeletedCustomerOutcome> {
    const outcome: DeletedCustomerOutcome = { organizationId: null, synced: [], missing: [] };
    // Before forgetting the customer: the sync finds the organization through it.
    for (const subscriptionId of await this.store.liveIdsOfCustomer(this.orm.em.fork(), stripeCustomerId)) {
      try {
        await this.sync.syncById(subscriptionId);
        outcome.synced.push(subscriptionId);
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing'))
          throw error;
        outcome.missing.push(subscriptionId);
      }
    }
    outcome.organizationId = await this.customers.forget(stripeCustomerId);
    return outcome;
  }
}
