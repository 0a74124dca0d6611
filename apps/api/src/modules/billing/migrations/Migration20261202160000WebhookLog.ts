import { Migration } from '@mikro-orm/migrations';

export class Migration20261202160000WebhookLog extends Migration {
  override name = 'Migration20261202160000WebhookLog';

  override up(): void {
    // Events are applied from this log by whichever instance claims them first. `receiver` names the
    // Stripe account (a fingerprint of its key) so an instance never applies another account's events;
    // `retry_at` is when a failed apply is due again, in the database's time (backoff is real time, not
    // the business clock); the partial index keeps the claim's scan to what is still to apply.
    this.addSql(`alter table stripe_webhook_event add column receiver varchar(32), add column retry_at timestamptz`);
    this.addSql(`
      create index stripe_webhook_event_pending on stripe_webhook_event (received_at)
        where status in ('received', 'processing', 'failed')`);
  }

  override down(): void {
    this.addSql('drop index if exists stripe_webhook_event_pending');
    this.addSql('alter table stripe_webhook_event drop column if exists retry_at, drop column if exists receiver');
  }
}
