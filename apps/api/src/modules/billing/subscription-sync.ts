import { isDeepStrictEqual } from 'node:util';
import type { PaidPlanTier } from '@aa/plans';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import { lockForTransaction } from '../../db/sql.js';
import type { BillingCustomers } from './billing-customers.js';
import type { BillingIncidentStore } from './incidents/billing-incident.store.js';
import { keptOf } from './incidents/duplicate-policy.js';
import type { DuplicateSettlement } from './incidents/duplicate-settlement.js';
import { callStripe } from './stripe/stripe-client.js';
import type { StripeGateway } from './stripe/stripe-gateway.js';
import { isEndedStatus } from './subscription-access.js';
import { snapshotOf, type SubscriptionSnapshot } from './subscription-snapshot.js';
import { tierOfPrice, type PriceIds } from './stripe-prices.js';
import { isAtSnapshot, type SubscriptionChanges } from './subscription-changes.js';
import type { SubscriptionStore } from './subscription.store.js';

/** The snapshot reads the open invoice (to pay) and the schedule (a downgrade) from these. */
export const SUBSCRIPTION_EXPAND = { expand: ['latest_invoice', 'schedule'] };

export type SyncOutcome =
  | {
      status: 'synced';
      organizationId: string;
      changes: SubscriptionChanges;
      created: boolean;
      snapshot: SubscriptionSnapshot;
    }
  | { status: 'unknown-customer' | 'not-our-plan'; organizationId: null };

/** The advisory lock that serialises every writer of one subscription's row. */
export function subscriptionLockKey(stripeSubscriptionId: string): string {
  return `stripe-subscription:${stripeSubscriptionId}`;
}

/**
 * Brings our row of one subscription to Stripe's state of it. Writers of the same subscription are
 * serialised by an advisory lock, and each reads Stripe again after its write (#converge), so
 * duplicated, delayed and reordered deliveries all end in Stripe's current state.
 *
 * An organization pays for one subscription. When a second one is live in Stripe too (two Checkout
 * Sessions paid at once, one made in the Dashboard), the sync keeps one (duplicate-policy.ts),
 * records the other as a billing incident and marks its row ended, all in its transaction; after
 * the commit, DuplicateSettlement cancels and refunds it in Stripe. The organization's one-live
 * unique index (billing_subscription_one_live_idx) stays as a safety net: under the organization's
 * lock the superseded row is ended before the kept one is written, so a sync never trips it and no
 * webhook fails forever on it.
 */
export class SubscriptionSync {
  constructor(
    private readonly orm: Orm,
    private readonly stripe: StripeGateway,
    private readonly customers: BillingCustomers,
    private readonly store: SubscriptionStore,
    private readonly incidents: BillingIncidentStore,
    private readonly duplicates: DuplicateSettlement,
    private readonly clock: Clock,
  ) {}

  /** Fetches the subscription from Stripe and applies it. */
  async syncById(stripeSubscriptionId: string): Promise<SyncOutcome> {
    return this.#converge(await this.#retrieve(stripeSubscriptionId));
  }

  /** Applies a subscription Stripe just returned (a listing, or the answer to our own update). */
  async syncFrom(subscription: Stripe.Subscription): Promise<SyncOutcome> {
    return this.#converge(subscription);
  }

  /**
   * Stripe is never called under the locks (a slow Stripe would hold a pooled connection per
   * sync), so a sync can commit a state older than one another sync committed just before. Each
   * sync therefore reads Stripe again after its commit and applies that while it differs: whoever
   * commits last has then seen Stripe after its own write, and every later change sends its own event.
   */
  async #converge(first: Stripe.Subscription): Promise<SyncOutcome> {
    let subscription = first;
    for (let round = 1; ; round += 1) {
      // Nothing written, so nothing older than Stripe's state could have been: no read after it either.
      const current = await this.#alreadyCurrent(subscription);
      if (current) return current;
      const outcome = await this.#applyUnlockedFetches(subscription);
      const latest = await this.#retrieve(subscription.id);
      if (round >= SYNC_ROUNDS || isDeepStrictEqual(this.#snapshot(latest), this.#snapshot(subscription)))
        return this.#settled(outcome);
      subscription = latest;
    }
  }

  /**
   * The outcome when our row already is this state of Stripe and the locked path could only confirm
   * it: the customer still maps to the row's organization, and no duplicate of it waits to be settled.
   * A live row that matches is the organization's one live row (the unique index), so no other needs
   * making room for; a cancelled duplicate's row is ended and so matches no live state. Null: go locked.
   */
  async #alreadyCurrent(subscription: Stripe.Subscription): Promise<SyncOutcome | null> {
    const snapshot = this.#snapshot(subscription);
    if (!snapshot) return null;
    const stored = await this.store.syncStateOf(this.orm, snapshot.stripeSubscriptionId);
    if (!stored?.customerMapped || stored.unsettledDuplicate || !isAtSnapshot(stored.row, snapshot)) return null;
    return { status: 'synced', organizationId: stored.row.organizationId, changes: {}, created: false, snapshot };
  }

  /**
   * The organization's other live subscription is fetched from Stripe before the locks are taken;
   * if another sync changed which one that is in between, this one fetches again.
   */
  async #applyUnlockedFetches(subscription: Stripe.Subscription): Promise<SyncOutcome> {
    for (let round = 1; ; round += 1) {
      const other = await this.#otherLiveOf(subscription);
      try {
        return await this.#locked(subscription.id, (tx) => this.#apply(tx, subscription, other));
      } catch (error) {
        if (!(error instanceof OtherLiveChanged) || round >= SYNC_ROUNDS) throw error;
      }
    }
  }

  /** The organization's live subscription in Stripe when it is not `incoming` (else null). */
  async #otherLiveOf(incoming: Stripe.Subscription): Promise<Stripe.Subscription | null> {
    const snapshot = this.#snapshot(incoming);
    if (!snapshot || isEndedStatus(snapshot.status)) return null;
    const em = this.orm.em.fork();
    const organizationId = await this.customers.organizationOf(em, snapshot.stripeCustomerId);
    const live = organizationId ? await this.store.liveOf(em, organizationId) : null;
    if (!live || live.stripeSubscriptionId === incoming.id) return null;
    return this.#retrieve(live.stripeSubscriptionId);
  }

  #retrieve(stripeSubscriptionId: string): Promise<Stripe.Subscription> {
    return callStripe(() => this.stripe.client().subscriptions.retrieve(stripeSubscriptionId, SUBSCRIPTION_EXPAND));
  }

  #snapshot(subscription: Stripe.Subscription): SubscriptionSnapshot | null {
    return snapshotOf(subscription, this.stripe.priceIds());
  }

  /**
   * After the commit: what a sync (this one or an earlier, failed one) decided about a duplicate is
   * done in Stripe now. A failure fails the caller, so Stripe redelivers and the next attempt finishes it.
   */
  async #settled(outcome: SyncOutcome): Promise<SyncOutcome> {
    if (outcome.status === 'synced') await this.duplicates.settleOrganization(outcome.organizationId);
    return outcome;
  }

  async #apply(
    tx: SqlEntityManager,
    subscription: Stripe.Subscription,
    otherLive: Stripe.Subscription | null,
  ): Promise<SyncOutcome> {
    const snapshot = snapshotOf(subscription, this.stripe.priceIds());
    if (!snapshot) return { status: 'not-our-plan', organizationId: null };
    const organizationId = await this.customers.organizationOf(tx, snapshot.stripeCustomerId);
    if (!organizationId) return { status: 'unknown-customer', organizationId: null };
    // Syncs of the organization's different subscriptions run one at a time from here, so two of
    // them never both find no other live row (each already holds its own subscription's lock).
    await lockForTransaction(tx, `billing-organization:${organizationId}`);
    const existed = (await this.store.byStripeId(tx, snapshot.stripeSubscriptionId)) !== null;
    const unchanged = { status: 'synced' as const, organizationId, changes: {}, created: false, snapshot };
    if (!isEndedStatus(snapshot.status)) {
      // Cancelled as a duplicate: it never counts as live again, even before Stripe says it ended.
      if (await this.incidents.isCancelledDuplicate(tx, snapshot.stripeSubscriptionId)) return unchanged;
      if (!(await this.#makeRoomFor(tx, organizationId, subscription, otherLive))) return unchanged;
    }
    const changes = await this.store.apply(tx, organizationId, snapshot, this.clock.now());
    return { status: 'synced', organizationId, changes, created: !existed, snapshot };
  }

  /**
   * Before a live subscription is written: the organization's other live row, if any, is refreshed
   * from Stripe's state of it, fetched before the locks (its deletion event may not have arrived yet). If it is live in Stripe too, one of
   * the two is kept and the other recorded to be cancelled. False when the incoming one is that other.
   */
  async #makeRoomFor(
    tx: SqlEntityManager,
    organizationId: string,
    incoming: Stripe.Subscription,
    other: Stripe.Subscription | null,
  ): Promise<boolean> {
    const live = await this.store.liveOf(tx, organizationId);
    if (!live || live.stripeSubscriptionId === incoming.id) return true;
    if (other?.id !== live.stripeSubscriptionId) throw new OtherLiveChanged();
    const now = this.clock.now();
    const otherSnapshot = snapshotOf(other, this.stripe.priceIds());
    if (isEndedStatus(other.status) || !otherSnapshot) {
      // Ended, or moved to a price that is none of our plans: either way no longer the live plan.
      if (otherSnapshot) await this.store.apply(tx, organizationId, otherSnapshot, now);
      else await this.store.markEnded(tx, live.stripeSubscriptionId, now);
      return true;
    }
    const kept = keptOf(incoming, other);
    const cancelled = kept.id === incoming.id ? other : incoming;
    await this.incidents.recordDuplicate(
      tx,
      {
        organizationId,
        cancelled: { stripeSubscriptionId: cancelled.id, tier: tierOfSubscription(cancelled, this.stripe.priceIds()) },
        keptStripeSubscriptionId: kept.id,
      },
      now,
    );
    if (cancelled.id === incoming.id) {
      await this.store.apply(tx, organizationId, otherSnapshot, now);
      return false;
    }
    await this.store.markEnded(tx, live.stripeSubscriptionId, now);
    return true;
  }

  #locked<T>(stripeSubscriptionId: string, work: (tx: SqlEntityManager) => Promise<T>): Promise<T> {
    return this.orm.em.fork().transactional(async (tx) => {
      await lockForTransaction(tx, subscriptionLockKey(stripeSubscriptionId));
      return work(tx);
    });
  }
}

/** How often a sync reads Stripe again when another sync changed things under it. */
const SYNC_ROUNDS = 3;

/** The other live subscription fetched before the locks is no longer the organization's live one. */
class OtherLiveChanged extends Error {
  constructor() {
    super("the organization's live subscription changed while its sync fetched it from Stripe");
  }
}

function tierOfSubscription(subscription: Stripe.Subscription, priceIds: PriceIds): PaidPlanTier | null {
  const item = subscription.items.data[0];
  return item ? tierOfPrice(item.price, priceIds) : null;
}
