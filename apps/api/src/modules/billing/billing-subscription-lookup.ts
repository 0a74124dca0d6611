import type { Clock } from '../../clock.js';
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
  constructor(
    private readonly orm: Orm,
    private readonly store: SubscriptionStore,
    private readonly customers: BillingCustomers,
    private readonly clock: Clock,
    private readonly graceDays: number,
  ) {}

  async activeSubscription(organizationId: string): Promise<ActiveSubscription | null> {
    const row = await this.store.liveNow(this.orm, organizationId);
    if (!row) return null;
    // hasCustomer only changes the actions, not whether the plan is granted.
    const { grantsPlan } = accessOf(row, { now: this.clock.now(), graceDays: this.graceDays, hasCustomer: false });
    if (!grantsPlan) return null;
    return activeOf(row);
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
