import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import type { BillingCustomers } from './billing-customers.js';
import { callStripe } from './stripe/stripe-client.js';
import type { StripeGateway } from './stripe/stripe-gateway.js';
import { snapshotOf } from './subscription-snapshot.js';
import type { SubscriptionChanges, SubscriptionStore } from './subscription.store.js';

/** The snapshot reads the open invoice (to pay) and the schedule (a downgrade) from these. */
export const SUBSCRIPTION_EXPAND = { expand: ['latest_invoice', 'schedule'] };

export type SyncOutcome =
  | { status: 'synced'; organizationId: string; changes: SubscriptionChanges; created: boolean }
  | { status: 'unknown-customer' | 'not-our-plan'; organizationId: null };

/**
 * Brings our row of one subscription to Stripe's state of it. Callers holding the same subscription
 * are serialised by an advisory lock, and each writes what Stripe said last, so duplicated, delayed
 * and reordered deliveries all end in Stripe's current state.
 */
export class SubscriptionSync {
  constructor(
    private readonly orm: Orm,
    private readonly stripe: StripeGateway,
    private readonly customers: BillingCustomers,
    private readonly store: SubscriptionStore,
    private readonly clock: Clock,
  ) {}

  /** Fetches the subscription from Stripe (under the lock) and applies it. */
  async syncById(stripeSubscriptionId: string): Promise<SyncOutcome> {
    return this.#locked(stripeSubscriptionId, async (tx) => {
      const subscription = await callStripe(() => this.stripe.client().subscriptions.retrieve(stripeSubscriptionId, SUBSCRIPTION_EXPAND));
      return this.#apply(tx, subscription);
    });
  }

  /** Applies a subscription Stripe just returned (a listing, or the answer to our own update). */
  async syncFrom(subscription: Stripe.Subscription): Promise<SyncOutcome> {
    return this.#locked(subscription.id, (tx) => this.#apply(tx, subscription));
  }

  async #apply(tx: SqlEntityManager, subscription: Stripe.Subscription): Promise<SyncOutcome> {
    const snapshot = snapshotOf(subscription, this.stripe.priceIds());
    if (!snapshot) return { status: 'not-our-plan', organizationId: null };
    const organizationId = await this.customers.organizationOf(tx, snapshot.stripeCustomerId);
    if (!organizationId) return { status: 'unknown-customer', organizationId: null };
    const live = await this.store.liveOf(tx, organizationId);
    if (live && live.stripeSubscriptionId !== snapshot.stripeSubscriptionId && !isEnded(snapshot.status)) {
      // A new live subscription while we still hold another as live: that one must have ended in
      // Stripe (its deletion event may simply not have arrived yet), so refresh it first.
      const previous = await callStripe(() => this.stripe.client().subscriptions.retrieve(live.stripeSubscriptionId, SUBSCRIPTION_EXPAND));
      const previousSnapshot = snapshotOf(previous, this.stripe.priceIds());
      if (previousSnapshot) await this.store.apply(tx, organizationId, previousSnapshot, this.clock.now());
    }
    const existed = (await this.store.byStripeId(tx, snapshot.stripeSubscriptionId)) !== null;
    const changes = await this.store.apply(tx, organizationId, snapshot, this.clock.now());
    return { status: 'synced', organizationId, changes, created: !existed };
  }

  #locked<T>(stripeSubscriptionId: string, work: (tx: SqlEntityManager) => Promise<T>): Promise<T> {
    return this.orm.em.fork().transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`stripe-subscription:${stripeSubscriptionId}`]);
      return work(tx);
    });
  }
}

function isEnded(status: string): boolean {
  return status === 'canceled' || status === 'incomplete_expired';
}
