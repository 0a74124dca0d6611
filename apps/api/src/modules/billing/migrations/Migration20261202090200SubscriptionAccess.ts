import { Migration } from '@mikro-orm/migrations';

export class Migration20261202090200SubscriptionAccess extends Migration {
  override name = 'Migration20261202090200SubscriptionAccess';

  override up(): void {
    // Stripe's cancel_at (a scheduled end other than the period end) and the latest invoice, so a
    // lapsed customer is offered the open invoice's hosted page without a Stripe call per request.
    this.addSql(`
      alter table billing_subscription
        add column cancel_at timestamptz,
        add column latest_invoice_id varchar(255),
        add column open_invoice_url text`);
    // Set when Stripe no longer has the customer (customer.deleted, or resource_missing): the next
    // billing call makes a new one in its place; until then late events still find the organization.
    this.addSql('alter table billing_customer add column deleted_at timestamptz');
  }

  override down(): void {
    this.addSql('alter table billing_customer drop column if exists deleted_at');
    this.addSql(`
      alter table billing_subscription
        drop column if exists open_invoice_url,
        drop column if exists latest_invoice_id,
        drop column if exists cancel_at`);
  }
}
