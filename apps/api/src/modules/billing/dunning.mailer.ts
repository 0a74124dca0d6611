import type Stripe from 'stripe';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { MailService } from '../mail/mail.service.js';
import type { BillingCustomers } from './billing-customers.js';
import { callStripe } from './stripe/stripe-client.js';
import type { StripeGateway } from './stripe/stripe-gateway.js';

/** Mails to an organization's owners about its subscription; each cause is mailed once. */
export class DunningMailer {
  constructor(
    private readonly accounts: AccountsService,
    private readonly mail: MailService,
    private readonly stripe: StripeGateway,
    private readonly customers: BillingCustomers,
    private readonly publicUrl: string,
  ) {}

  /** One mail per invoice attempt, however many times Stripe delivers the event. */
  async paymentFailed(organizationId: string, invoice: Stripe.Invoice): Promise<boolean> {
    const to = await this.accounts.ownerEmails(organizationId);
    if (to.length === 0) return false;
    const portalUrl = await this.#portalUrl(organizationId);
    const amount = formatAmount(invoice.amount_due, invoice.currency);
    const retry = invoice.next_payment_attempt
      ? `We will try again on ${formatDate(new Date(invoice.next_payment_attempt * 1000))}.`
      : 'There will be no further automatic attempts.';
    return this.mail.send({
      organizationId,
      to,
      dedupeKey: `dunning:${invoice.id}:${invoice.attempt_count}`,
      subject: `Payment of ${amount} failed — please update your card`,
      body: [
        `We could not charge ${amount} for your Attribution Analytics subscription (invoice ${invoice.number ?? invoice.id}).`,
        retry,
        'Your plan stays active during a short grace period. Update your payment method here:',
        portalUrl,
      ].join('\n\n'),
    });
  }

  async trialEnding(organizationId: string, stripeSubscriptionId: string, trialEnd: Date): Promise<boolean> {
    const to = await this.accounts.ownerEmails(organizationId);
    if (to.length === 0) return false;
    return this.mail.send({
      organizationId,
      to,
      dedupeKey: `trial-ending:${stripeSubscriptionId}:${trialEnd.toISOString()}`,
      subject: `Your trial ends on ${formatDate(trialEnd)}`,
      body: `Your Attribution Analytics trial ends on ${formatDate(trialEnd)}. Manage your subscription here:\n\n${await this.#portalUrl(organizationId)}`,
    });
  }

  async #portalUrl(organizationId: string): Promise<string> {
    const customer = await this.customers.customerOf(organizationId);
    if (!customer) return `${this.publicUrl}/settings`;
    const stripe = this.stripe.client();
    const session = await callStripe(() => stripe.billingPortal.sessions.create({ customer, return_url: `${this.publicUrl}/settings` }));
    return session.url;
  }
}

function formatAmount(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
