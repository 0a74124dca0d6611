import Stripe from 'stripe';
import type { Clock } from '../../../clock.js';
import type { Logger } from '../../../observability/logger.js';
import { callStripe, type StripeClient } from '../stripe/stripe-client.js';
import type { StripeGateway } from '../stripe/stripe-gateway.js';
import { isEndedStatus } from '../subscription-access.js';
import { idOf } from '../stripe-prices.js';
import type { BillingIncident, BillingIncidentStore } from './billing-incident.store.js';
import { unusedShareCents } from './duplicate-policy.js';

interface Payment {
  paymentIntentId: string;
  paidCents: number;
  currency: string;
}

type PaymentKind = ({ kind: 'refund' } & Payment) | { kind: 'credit' } | { kind: 'none' };

/**
 * Carries out in Stripe what the sync decided about a duplicate subscription: cancel it at once and
 * refund the unused part of its payment (or, with no payment to refund, credit it to the customer's
 * balance through Stripe's proration). Runs after the sync's transaction, never under its locks.
 * Every step is idempotent (Stripe idempotency keys, the refund found again by its metadata), so a
 * redelivery that runs it again after a failure finishes the job without paying anything twice.
 */
export class DuplicateSettlement {
  constructor(
    private readonly stripe: StripeGateway,
    private readonly incidents: BillingIncidentStore,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async settleOrganization(organizationId: string): Promise<void> {
    for (const incident of await this.incidents.unsettledOf(organizationId)) await this.#settle(incident);
  }

  async #settle(incident: BillingIncident): Promise<void> {
    const stripe = this.stripe.client();
    const id = incident.stripeSubscriptionId;
    let subscription = await callStripe(() => stripe.subscriptions.retrieve(id, { expand: ['latest_invoice'] }));
    const payment = await paymentOf(stripe, subscription.latest_invoice);
    if (!isEndedStatus(subscription.status)) {
      // A card payment is refunded below; a payment without one (customer balance, paid out of band)
      // is credited back through Stripe's proration; nothing paid (a trial, an unpaid invoice), nothing back.
      const params: Stripe.SubscriptionCancelParams =
        payment.kind === 'credit' ? { prorate: true, invoice_now: true } : {};
      subscription = await callStripe(() =>
        stripe.subscriptions.cancel(id, params, { idempotencyKey: `aa-duplicate-cancel-${id}` }),
      );
    }
    const kept = incident.keptStripeSubscriptionId ?? 'another subscription';
    const prefix = `Two subscriptions were live at once: kept ${kept}, cancelled ${id}${incident.planTier ? ` (${incident.planTier})` : ''} at once`;
    if (payment.kind === 'none') {
      await this.#done(incident, 0, `${prefix}; nothing had been paid on it.`);
      return;
    }
    if (payment.kind === 'credit') {
      await this.#done(incident, 0, `${prefix}; its unused time is credited to the customer's balance.`);
      return;
    }
    const item = subscription.items.data[0];
    const cancelledAt =
      subscription.canceled_at ?? subscription.ended_at ?? Math.floor(this.clock.now().getTime() / 1000);
    const amount = item
      ? unusedShareCents(
          payment.paidCents,
          { start: item.current_period_start, end: item.current_period_end },
          cancelledAt,
        )
      : 0;
    const refunded = amount > 0 ? await this.#refund(stripe, incident, payment, amount) : { cents: 0, refusal: null };
    const paid = money(payment.paidCents, payment.currency);
    const detail = refunded.refusal
      ? `${prefix}; Stripe refused the refund of ${money(amount, payment.currency)} (${refunded.refusal}): refund it in the Stripe Dashboard.`
      : `${prefix}; refunded ${money(refunded.cents, payment.currency)} of the ${paid} paid, for the unused part of its period.`;
    await this.#done(incident, refunded.cents, detail);
  }

  async #refund(
    stripe: StripeClient,
    incident: BillingIncident,
    payment: Payment,
    amount: number,
  ): Promise<{ cents: number; refusal: string | null }> {
    // Idempotency keys last 24 hours; the refund's metadata finds it again after that.
    const existing = await callStripe(() =>
      stripe.refunds.list({ payment_intent: payment.paymentIntentId, limit: 100 }),
    );
    const earlier = existing.data.find((refund) => refund.metadata?.aa_incident === incident.id);
    if (earlier) return { cents: earlier.amount, refusal: null };
    try {
      const refund = await callStripe(() =>
        stripe.refunds.create(
          {
            payment_intent: payment.paymentIntentId,
            amount,
            reason: 'duplicate',
            metadata: { aa_incident: incident.id, organization_id: incident.organizationId },
          },
          { idempotencyKey: `aa-duplicate-refund-${incident.stripeSubscriptionId}` },
        ),
      );
      return { cents: refund.amount, refusal: null };
    } catch (error) {
      // A refund Stripe will never make (already refunded, disputed): retrying the webhook cannot help.
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
      this.log.warn({ incident: incident.id, reason: error.message }, 'billing incident: Stripe refused the refund');
      return { cents: 0, refusal: error.message };
    }
  }

  async #done(incident: BillingIncident, refundedCents: number, detail: string): Promise<void> {
    await this.incidents.settle(incident.id, refundedCents, detail, this.clock.now());
    this.log.info(
      { incident: incident.id, organizationId: incident.organizationId, refundedCents },
      'billing incident settled',
    );
  }
}

/** How the subscription's latest invoice was paid: by a PaymentIntent (refundable), otherwise, or not at all. */
async function paymentOf(stripe: StripeClient, invoice: string | Stripe.Invoice | null): Promise<PaymentKind> {
  if (!invoice || typeof invoice === 'string' || !invoice.id || invoice.status !== 'paid' || invoice.amount_paid <= 0)
    return { kind: 'none' };
  const invoiceId = invoice.id;
  const payments = await callStripe(() =>
    stripe.invoicePayments.list({ invoice: invoiceId, status: 'paid', limit: 10 }),
  );
  const paymentIntentId = payments.data
    .map((entry) => idOf(entry.payment.payment_intent))
    .find((found) => found !== null);
  if (!paymentIntentId) return { kind: 'credit' };
  return { kind: 'refund', paymentIntentId, paidCents: invoice.amount_paid, currency: invoice.currency };
}

function money(cents: number, currency: string): string {
  return `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;
}
