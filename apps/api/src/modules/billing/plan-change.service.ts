import { comparePlans, type PlanTier } from '@aa/plans';
import type { Orm } from '../../db/orm.js';
import { BillingError } from './billing.errors.js';
import { callStripe } from './stripe/stripe-client.js';
import type { StripeGateway } from './stripe/stripe-gateway.js';
import type { SubscriptionSync } from './subscription-sync.js';
import type { SubscriptionRow, SubscriptionStore } from './subscription.store.js';

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
    const updated = await callStripe(async () => {
      // FREE is a cancellation that takes effect when the paid period ends.
      if (planTier === 'FREE') return stripe.subscriptions.update(id, { cancel_at_period_end: true });
      if (planTier === current.tier && !current.cancelAtPeriodEnd) {
        throw new BillingError('ALREADY_ON_PLAN', `This organization is already on ${planTier}`, { field: 'planTier' });
      }
      const subscription = await stripe.subscriptions.retrieve(id);
      const item = subscription.items.data[0];
      if (!item) throw new Error(`Stripe subscription ${id} has no items`);
      const upgrade = comparePlans(planTier, current.tier) > 0;
      return stripe.subscriptions.update(id, {
        cancel_at_period_end: false,
        items: [{ id: item.id, price: this.stripe.priceIdOf(planTier) }],
        // An upgrade is charged now, prorated; a downgrade is not credited and bills from the next period.
        proration_behavior: upgrade ? 'always_invoice' : 'none',
      });
    });
    await this.sync.syncFrom(updated);
    const row = await this.store.byStripeId(this.orm.em.fork(), id);
    if (!row) throw new Error(`subscription ${id} vanished while changing plan`);
    return row;
  }
}
