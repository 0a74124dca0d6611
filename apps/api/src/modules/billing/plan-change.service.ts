import { comparePlans, type PlanTier } from '@aa/plans';
import type Stripe from 'stripe';
import type { Orm } from '../../db/orm.js';
import { BillingError } from './billing.errors.js';
import { callStripe } from './stripe/stripe-client.js';
import type { StripeGateway } from './stripe/stripe-gateway.js';
import { PAID_TIER_KEY, PAID_TIER_UNTIL_KEY, paidTierOf, tierOfPrice } from './subscription-snapshot.js';
import type { SubscriptionSync } from './subscription-sync.js';
import type { SubscriptionRow, SubscriptionStore } from './subscription.store.js';

const NO_PAID_TIER = { [PAID_TIER_KEY]: '', [PAID_TIER_UNTIL_KEY]: '' };

/** Moves a subscriber between plans in Stripe; our row follows from Stripe's answer. */
export class PlanChangeService {
  constructor(
    private readonly orm: Orm,
    private readonly stripe: StripeGateway,
    private readonly store: SubscriptionStore,
    private readonly sync: SubscriptionSync,
  ) {}

  async changePlan(organizationId: string, planTier: PlanTier): Promise<SubscriptionRow> {
    const current = await this.store.liveOf(this.orm.em.fork(), organizationId);
    if (!current) throw new BillingError('NO_SUBSCRIPTION', 'This organization has no subscription to change: start one with checkout');
    const stripe = this.stripe.client();
    const id = current.stripeSubscriptionId;
    const subscription = await callStripe(() => stripe.subscriptions.retrieve(id));
    const update = this.#updateFor(subscription, planTier);
    const updated = await callStripe(() => stripe.subscriptions.update(id, update));
    await this.sync.syncFrom(updated);
    const row = await this.store.byStripeId(this.orm.em.fork(), id);
    if (!row) throw new Error(`subscription ${id} vanished while changing plan`);
    return row;
  }

  #updateFor(subscription: Stripe.Subscription, planTier: PlanTier): Stripe.SubscriptionUpdateParams {
    // FREE is a cancellation that takes effect when the paid period ends.
    if (planTier === 'FREE') return { cancel_at_period_end: true };
    const item = subscription.items.data[0];
    const priceTier = item ? tierOfPrice(item.price, this.stripe.priceIds()) : null;
    if (!item || !priceTier) throw new Error(`Stripe subscription ${subscription.id} is not on one of our plans`);
    if (planTier === priceTier) {
      if (!subscription.cancel_at_period_end) {
        throw new BillingError('ALREADY_ON_PLAN', `This organization is already on ${planTier}`, { field: 'planTier' });
      }
      return { cancel_at_period_end: false };
    }
    const paidTier = paidTierOf(subscription, priceTier, item.current_period_end);
    const items = [{ id: item.id, price: this.stripe.priceIdOf(planTier) }];
    if (comparePlans(planTier, paidTier) > 0) {
      // An upgrade beyond what this period paid for: charged now, prorated.
      return { cancel_at_period_end: false, items, proration_behavior: 'always_invoice', metadata: NO_PAID_TIER };
    }
    if (planTier === paidTier) {
      // Taking back a scheduled downgrade: this period is paid for at that tier already.
      return { cancel_at_period_end: false, items, proration_behavior: 'none', metadata: NO_PAID_TIER };
    }
    // A downgrade: billed from the next invoice, the paid tier kept until this period ends.
    return {
      cancel_at_period_end: false,
      items,
      proration_behavior: 'none',
      metadata: { [PAID_TIER_KEY]: paidTier, [PAID_TIER_UNTIL_KEY]: String(item.current_period_end) },
    };
  }
}
