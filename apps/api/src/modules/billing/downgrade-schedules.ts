import type Stripe from 'stripe';
import { callStripe } from './stripe/stripe-client.js';
import type { StripeGateway } from './stripe/stripe-gateway.js';
import { idOf } from './stripe-prices.js';

/**
 * A downgrade as Stripe recommends it: a subscription schedule whose current phase keeps the current
 * price until the period ends, then one phase of the lower price, after which the schedule releases
 * the subscription. Stripe bills, shows (portal, invoice preview, Dashboard) and switches it itself.
 */
export class DowngradeSchedules {
  constructor(private readonly stripe: StripeGateway) {}

  /** Schedules `lowerPriceId` from the current period's end; reuses the subscription's schedule if it has one. */
  async schedule(subscription: Stripe.Subscription, lowerPriceId: string): Promise<void> {
    const item = subscription.items.data[0];
    if (!item) throw new Error(`Stripe subscription ${subscription.id} has no item`);
    const stripe = this.stripe.client();
    const attached = idOf(subscription.schedule);
    const schedule = attached
      ? await callStripe(() => stripe.subscriptionSchedules.retrieve(attached))
      : await callStripe(() => stripe.subscriptionSchedules.create({ from_subscription: subscription.id }));
    const current = schedule.current_phase ?? schedule.phases[0];
    if (!current) throw new Error(`subscription schedule ${schedule.id} has no phase`);
    const quantity = item.quantity ?? 1;
    await callStripe(() =>
      stripe.subscriptionSchedules.update(schedule.id, {
        end_behavior: 'release',
        // The switch falls on the renewal, which bills the lower price: nothing to prorate.
        proration_behavior: 'none',
        phases: [
          {
            items: [{ price: item.price.id, quantity }],
            start_date: current.start_date,
            end_date: item.current_period_end,
          },
          // One period of the lower price (our prices are monthly, checked at start), then released.
          { items: [{ price: lowerPriceId, quantity }], duration: { interval: 'month', interval_count: 1 } },
        ],
      }),
    );
  }

  /** Detaches the schedule: the subscription keeps its current price and renews on it. */
  async release(scheduleId: string): Promise<void> {
    await callStripe(() => this.stripe.client().subscriptionSchedules.release(scheduleId));
  }
}
