import { planOf, type PaidPlanTier } from '@aa/plans';
import type Stripe from 'stripe';
import type { AccountsService } from '../accounts/index.js';
import type { MailService, OutgoingMail } from '../mail/index.js';
import type { BillingMetrics, DunningMailKind } from './billing.metrics.js';

/**
 * The SPA's billing page, told to open the customer portal: the SPA creates a fresh portal session
 * when the link is followed. A portal session URL expires within minutes, so a mail must never
 * carry one (and creating it inside a webhook handler is a Stripe call that can fail the delivery).
 */
export const BILLING_PORTAL_LINK_PATH = '/settings?billing=portal';

/** Mails to an organization's owners about its subscription; each cause is mailed once. Calls no Stripe API. */
export class DunningMailer {
  readonly #billingPortalLink: string;

  constructor(
    private readonly accounts: AccountsService,
    private readonly mail: MailService,
    private readonly metrics: BillingMetrics,
    publicUrl: string,
  ) {
    this.#billingPortalLink = `${publicUrl}${BILLING_PORTAL_LINK_PATH}`;
  }

  /**
   * One mail per invoice attempt, however many times Stripe delivers the event. `upgrade` is set when
   * the invoice is the prorated charge of an upgrade still waiting for it (the plan stays as it is).
   */
  async paymentFailed(
    organizationId: string,
    invoice: Stripe.Invoice,
    upgrade: { from: PaidPlanTier; to: PaidPlanTier } | null = null,
  ): Promise<boolean> {
    const to = await this.accounts.ownerEmails(organizationId);
    if (to.length === 0) return false;
    const amount = formatAmount(invoice.amount_due, invoice.currency);
    const invoiceName = invoice.number ?? invoice.id;
    const [subject, ...explanation] = upgrade
      ? [
          `Your switch to ${planOf(upgrade.to).name} waits for a payment of ${amount}`,
          `We could not charge ${amount} for your switch from ${planOf(upgrade.from).name} to ${planOf(upgrade.to).name} (invoice ${invoiceName}).`,
          `You stay on ${planOf(upgrade.from).name} until it is paid.`,
        ]
      : [
          `Payment of ${amount} failed — please update your card`,
          `We could not charge ${amount} for your Attribution Analytics subscription (invoice ${invoiceName}).`,
          invoice.next_payment_attempt
            ? `We will try again on ${formatDate(new Date(invoice.next_payment_attempt * 1000))}.`
            : 'There will be no further automatic attempts.',
          'Your plan stays active during a short grace period.',
        ];
    return this.#send('payment_failed', {
      organizationId,
      to,
      dedupeKey: `dunning:${invoice.id}:${invoice.attempt_count}`,
      subject,
      body: [
        ...explanation,
        ...(invoice.hosted_invoice_url ? [`Pay the invoice now:\n${invoice.hosted_invoice_url}`] : []),
        `Update your payment method:\n${this.#billingPortalLink}`,
      ].join('\n\n'),
    });
  }

  async trialEnding(organizationId: string, stripeSubscriptionId: string, trialEnd: Date): Promise<boolean> {
    const to = await this.accounts.ownerEmails(organizationId);
    if (to.length === 0) return false;
    return this.#send('trial_ending', {
      organizationId,
      to,
      dedupeKey: `trial-ending:${stripeSubscriptionId}:${trialEnd.toISOString()}`,
      subject: `Your trial ends on ${formatDate(trialEnd)}`,
      body: `Your Attribution Analytics trial ends on ${formatDate(trialEnd)}. Manage your subscription here:\n\n${this.#billingPortalLink}`,
    });
  }

  /** Counts only mails actually sent, not a redelivery's deduplicated one. */
  async #send(kind: DunningMailKind, mail: OutgoingMail): Promise<boolean> {
    const sent = await this.mail.send(mail);
    if (sent) this.metrics.dunningMails.inc({ kind });
    return sent;
  }
}

export function formatAmount(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
