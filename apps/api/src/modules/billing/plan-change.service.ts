import { comparePlans, type PaidPlanTier, type PlanTier } from '@aa/plans';
import type Stripe from 'stripe';
import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import { BillingError } from './billing.errors.js';
import type { DowngradeSchedules } from './downgrade-schedules.js';
import { planChangesOf, type PlanChangeSnapshot } from './plan-change-snapshot.js';
import { callStripe } from './stripe/stripe-client.js';
import type { StripeGateway } from './stripe/stripe-gateway.js';
import { accessOf } from './subscription-access.js';
import { idOf, tierOfPrice } from './stripe-prices.js';
import { SUBSCRIPTION_EXPAND, type SubscriptionSync } from './subscription-sync.js';
import type { SubscriptionRow, SubscriptionStore } from './subscription.store.js';

/** A subscription as Stripe holds it now, with what our plans read from it. */
export interface CurrentSubscription {
  subscription: Stripe.Subscription;
  item: Stripe.SubscriptionItem;
  tier: PaidPlanTier;
  changes: PlanChangeSnapshot;
}

/**
 * Moves a subscriber between plans in Stripe, which decides when the plan changes: an upgrade once
 * its prorated invoice is paid (`pending_if_incomplete`), a downgrade at the period end (a schedule),
 * FREE at the period end (cancel_at_period_end). Our row follows from Stripe's state afterwards.
 * Stripe is called outside any transaction; the sync takes its own lock.
 */
export class PlanChangeService {
  constructor(
    private readonly orm: Orm,
    private readonly stripe: StripeGateway,
    private readonly store: SubscriptionStore,
    private readonly sync: SubscriptionSync,
    private readonly schedules: DowngradeSchedules,
    private readonly clock: Clock,
    private readonly graceDays: number,
  ) {}

  async changePlan(organizationId: string, planTier: PlanTier): Promise<SubscriptionRow> {
    const current = await this.current(organizationId, { paidUp: true });
    if (planTier === 'FREE') await this.#cancelAtPeriodEnd(current);
    else if (planTier === current.tier) await this.#stay(current);
    else if (comparePlans(planTier, current.tier) > 0) await this.#upgrade(current, planTier);
    else await this.#downgrade(current, planTier);
    return this.#synced(current.subscription.id);
  }

  /** Takes back a scheduled downgrade: the schedule is released and the subscription renews as it is. */
  async undoScheduledPlanChange(organizationId: string): Promise<SubscriptionRow> {
    const current = await this.current(organizationId);
    const scheduleId = idOf(current.subscription.schedule);
    if (!scheduleId || !current.changes.scheduledTier) {
      throw new BillingError('NO_SCHEDULED_CHANGE', 'No plan change is scheduled for this organization');
    }
    await this.schedules.release(scheduleId);
    return this.#synced(current.subscription.id);
  }

  /** The live subscription in Stripe; `paidUp` refuses one that does not grant its plan (changes are refused then). */
  async current(
    organizationId: string,
    { paidUp }: { paidUp: boolean } = { paidUp: false },
  ): Promise<CurrentSubscription> {
    const row = await this.store.liveOf(this.orm.em.fork(), organizationId);
    if (!row)
      throw new BillingError(
        'NO_SUBSCRIPTION',
        'This organization has no subscription to change: start one with checkout',
      );
    // Plans change only while the subscription grants its plan (the API offers CHANGE_PLAN then).
    if (paidUp && !accessOf(row, { now: this.clock.now(), graceDays: this.graceDays, hasCustomer: true }).grantsPlan) {
      throw new BillingError(
        'PAYMENT_NEEDED',
        'This subscription is not paid up: pay its open invoice or update the card before changing plans',
      );
    }
    const id = row.stripeSubscriptionId;
    const subscription = await callStripe(() => this.stripe.client().subscriptions.retrieve(id, SUBSCRIPTION_EXPAND));
    const item = subscription.items.data[0];
    const priceIds = this.stripe.priceIds();
    const tier = item ? tierOfPrice(item.price, priceIds) : null;
    if (!item || !tier) throw new Error(`Stripe subscription ${id} is not on one of our plans`);
    return { subscription, item, tier, changes: planChangesOf(subscription, tier, priceIds) };
  }

  /** FREE: Stripe refuses a cancellation on a subscription its schedule manages, so a downgrade is dropped first. */
  async #cancelAtPeriodEnd({ subscription }: CurrentSubscription): Promise<void> {
    await this.#releaseSchedule(subscription);
    await callStripe(() => this.stripe.client().subscriptions.update(subscription.id, { cancel_at_period_end: true }));
  }

  /** Choosing the current plan again takes back what would move away from it. */
  async #stay({ subscription, tier, changes }: CurrentSubscription): Promise<void> {
    if (changes.scheduledTier) return this.#releaseSchedule(subscription);
    if (isCancelling(subscription)) return this.#keepRenewing(subscription);
    throw new BillingError('ALREADY_ON_PLAN', `This organization is already on ${tier}`, { field: 'planTier' });
  }

  /**
   * Charged now, prorated; the price changes only when that invoice is paid. A failed or 3-D Secure
   * charge leaves a pending update with the open invoice to pay, and the plan where it was.
   */
  async #upgrade({ subscription, item, changes }: CurrentSubscription, planTier: PaidPlanTier): Promise<void> {
    // Asked again while the first upgrade waits for payment: the same invoice is still the way.
    if (changes.pendingTier === planTier) return;
    await this.#releaseSchedule(subscription);
    // A pending update carries only items and proration settings: the cancellation is undone apart.
    if (isCancelling(subscription)) await this.#keepRenewing(subscription);
    await callStripe(() =>
      this.stripe.client().subscriptions.update(subscription.id, {
        items: [{ id: item.id, price: this.stripe.priceIdOf(planTier) }],
        proration_behavior: 'always_invoice',
        payment_behavior: 'pending_if_incomplete',
      }),
    );
  }

  /** The paid tier stays until the period ends; then Stripe's schedule bills and switches to the lower one. */
  async #downgrade({ subscription, changes }: CurrentSubscription, planTier: PaidPlanTier): Promise<void> {
    if (changes.scheduledTier === planTier) return;
    if (isCancelling(subscription)) await this.#keepRenewing(subscription);
    await this.schedules.schedule(subscription, this.stripe.priceIdOf(planTier));
  }

  async #releaseSchedule(subscription: Stripe.Subscription): Promise<void> {
    const scheduleId = idOf(subscription.schedule);
    if (scheduleId) await this.schedules.release(scheduleId);
  }

  /** As resumeSubscription: cancel_at_period_end off also clears its cancel_at; a cancel_at of its own is unset. */
  async #keepRenewing(subscription: Stripe.Subscription): Promise<void> {
    const update = subscription.cancel_at_period_end ? { cancel_at_period_end: false } : { cancel_at: '' as const };
    await callStripe(() => this.stripe.client().subscriptions.update(subscription.id, update));
  }

  /** Stripe's state after the change, through the sync (which fetches it with what the snapshot reads). */
  async #synced(stripeSubscriptionId: string): Promise<SubscriptionRow> {
    await this.sync.syncById(stripeSubscriptionId);
    const row = await this.store.byStripeId(this.orm.em.fork(), stripeSubscriptionId);
    if (!row) throw new Error(`subscription ${stripeSubscriptionId} vanished while changing plan`);
    return row;
  }
}

export function isCancelling(subscription: Stripe.Subscription): boolean {
  return subscription.cancel_at_period_end || subscription.cancel_at !== null;
}
