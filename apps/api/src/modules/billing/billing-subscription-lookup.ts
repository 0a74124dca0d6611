import type { Clock } from '../../clock.js';
import { CHECKED_CACHE_DEFAULTS, CheckedCache, type CheckedCacheOptions } from '../../db/checked-cache.js';
import type { Orm } from '../../db/orm.js';
import type {
  ActiveSubscription,
  BillingAccountLookup,
  BillingAccountState,
  SubscriptionLookup,
  SubscriptionState,
} from '../entitlements/index.js';
import type { BillingCustomers } from './billing-customers.js';
import { accessOf, isEndedStatus } from './subscription-access.js';
import type { SubscriptionRow, SubscriptionStore } from './subscription.store.js';

/**
 * The organization's subscription as Stripe last told us, read through subscription-access.ts: the
 * plan applies while it grants it (PAID, or GRACE), and the billing account shows the latest
 * subscription whatever its status with what the admin can do about it.
 */
export class BillingSubscriptionLookup implements SubscriptionLookup, BillingAccountLookup {
  /**
   * Each organization's live subscription row (null: none), as the database had it within the last
   * 500 ms: every metered request reads its plan, and one statement for the whole cache every half
   * second replaces one per request. A change written on this instance evicts at once; one written on
   * another applies here within 500 ms, as a revoked API key does. Whether the row grants its plan is
   * worked out per request from the row and the clock, so a grace period still ends on time.
   */
  readonly #live: CheckedCache<SubscriptionRow | null>;

  constructor(
    private readonly orm: Orm,
    private readonly store: SubscriptionStore,
    private readonly customers: BillingCustomers,
    private readonly clock: Clock,
    private readonly graceDays: number,
    cacheOptions: CheckedCacheOptions = CHECKED_CACHE_DEFAULTS,
  ) {
    this.#live = new CheckedCache(async (organizationIds) => {
      const rows = await store.liveOfEach(orm, organizationIds);
      const live = new Map<string, SubscriptionRow | null>(organizationIds.map((id) => [id, null]));
      for (const row of rows) live.set(row.organizationId, row);
      return live;
    }, cacheOptions);
    store.onWrite((written) => {
      if ('organizationId' in written) this.#live.evict(written.organizationId);
      else this.#live.evictWhere((row) => row?.stripeSubscriptionId === written.stripeSubscriptionId);
    });
  }

  async activeSubscription(organizationId: string): Promise<ActiveSubscription | null> {
    const row = await this.#liveOf(organizationId);
    if (!row) return null;
    // hasCustomer only changes the actions, not whether the plan is granted.
    const { grantsPlan } = accessOf(row, { now: this.clock.now(), graceDays: this.graceDays, hasCustomer: false });
    if (!grantsPlan) return null;
    return activeOf(row);
  }

  async #liveOf(organizationId: string): Promise<SubscriptionRow | null> {
    const cached = await this.#live.get(organizationId);
    if (cached !== undefined) return cached;
    const token = this.#live.lookupToken();
    const [row = null] = await this.store.liveOfEach(this.orm, [organizationId]);
    this.#live.set(organizationId, row, token);
    return row;
  }

  async billingAccount(organizationId: string): Promise<BillingAccountState> {
    const [row, customer] = await Promise.all([
      this.store.latestOf(this.orm.em.fork(), organizationId),
      this.customers.customerOf(organizationId),
    ]);
    const hasCustomer = customer !== null;
    return {
      hasCustomer,
      canCheckout: row === null || isEndedStatus(row.status),
      subscription: row ? this.#stateOf(row, hasCustomer) : null,
    };
  }

  /** A row as the API shows it, e.g. the answer to a plan change. */
  async stateOf(row: SubscriptionRow): Promise<SubscriptionState> {
    return this.#stateOf(row, (await this.customers.customerOf(row.organizationId)) !== null);
  }

  #stateOf(row: SubscriptionRow, hasCustomer: boolean): SubscriptionState {
    const view = accessOf(row, { now: this.clock.now(), graceDays: this.graceDays, hasCustomer });
    return {
      ...activeOf(row),
      openInvoiceUrl: view.access === 'ENDED' ? null : row.openInvoiceUrl,
      scheduledTier: row.scheduledTier,
      scheduledAt: row.scheduledAt,
      pendingTier: row.pendingTier,
      pendingInvoiceUrl: row.pendingInvoiceUrl,
      pendingExpiresAt: row.pendingExpiresAt,
      ...view,
    };
  }
}

function activeOf(row: SubscriptionRow): ActiveSubscription {
  return {
    id: row.id,
    stripeSubscriptionId: row.stripeSubscriptionId,
    tier: row.tier,
    status: row.status,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    cancelAtPeriodEnd: row.cancelAtPeriodEnd,
  };
}
