import type Stripe from 'stripe';
import type { AccountsService } from '../accounts/index.js';
import type { MailService } from '../mail/index.js';
import { formatAmount, formatDate } from './dunning.mailer.js';

/** A receipt to the organization's owners for each paid invoice, once however often Stripe tells. Calls no Stripe API. */
export class ReceiptMailer {
  constructor(
    private readonly accounts: AccountsService,
    private readonly mail: MailService,
  ) {}

  async invoicePaid(organizationId: string, invoice: Stripe.Invoice): Promise<boolean> {
    const to = await this.accounts.ownerEmails(organizationId);
    if (to.length === 0) return false;
    const amount = formatAmount(invoice.amount_paid, invoice.currency);
    const invoiceName = invoice.number ?? invoice.id ?? '';
    const paidAt = invoice.status_transitions.paid_at ?? invoice.created;
    return this.mail.send({
      organizationId,
      to,
      dedupeKey: `receipt:${invoice.id}`,
      subject: `Receipt: ${amount} paid for Attribution Analytics`,
      body: [
        `We received your payment of ${amount} on ${formatDate(new Date(paidAt * 1000))} (invoice ${invoiceName}).`,
        ...(invoice.hosted_invoice_url ? [`View the invoice:\n${invoice.hosted_invoice_url}`] : []),
        ...(invoice.invoice_pdf ? [`Download the PDF:\n${invoice.invoice_pdf}`] : []),
      ].join('\n\n'),
    });
  }
}
