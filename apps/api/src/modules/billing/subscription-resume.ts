import type { Orm } from '../../db/orm.js';
import { BillingError } from './billing.errors.js';
import { callStripe } from './stripe/stripe-client.js';
import type { StripeGateway } from './stripe/stripe-gateway.js';
import { SUBSCRIPTION_EXPAND, type SubscriptionSync } from './subscription-sync.js';
import type { SubscriptionRow, SubscriptionStore } from './subscription.store.js';

/** Takes back a scheduled cancellation in Stripe; our row follows from Stripe's answer. */
export class SubscriptionResume {
  constructor(
    private readonly orm: Orm,
    private readonly stripe: StripeGateway,
    private readonly store: SubscriptionStore,
    private readonly sync: SubscriptionSync,
  ) {}

  /** Idempotent: a subscription that is not cancelling is returned as it is. */
  async resume(organizationId: string): Promise<SubscriptionRow> {
    const current = await this.store.liveOf(this.orm.em.fork(), organizationId);
    if (!current)
      throw new BillingError(
        'NO_SUBSCRIPTION',
        'This organization has no subscription to resume: start one with checkout',
      );
    if (!current.cancelAtPeriodEnd && !current.cancelAt) return current;
    const id = current.stripeSubscriptionId;
    // cancel_at_period_end: false also clears the cancel_at Stripe set with it; a cancel_at of its
    // own (another date, set in the Dashboard or through the API) is cleared by unsetting it.
    const update = current.cancelAtPeriodEnd ? { cancel_at_period_end: false } : { cancel_at: '' as const };
    const updated = await callStripe(() =>
      this.stripe.client().subscriptions.update(id, { ...update, ...SUBSCRIPTION_EXPAND }),
    );
    await this.sync.syncFrom(updated);
    const row = await this.store.byStripeId(this.orm.em.fork(), id);
    if (!row) throw new Error(`subscription ${id} vanished while resuming it`);
    return row;
  }
}
