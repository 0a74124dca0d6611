import { Migration } from '@mikro-orm/migrations';

export class Migration20261202090300PlanChanges extends Migration {
  override name = 'Migration20261202090300PlanChanges';

  override up(): void {
    // A downgrade is a Stripe subscription schedule (the lower tier from scheduled_at); an upgrade whose
    // charge failed is Stripe's pending_update (the higher tier once its invoice is paid). Both mirror
    // Stripe, so the app answers "what happens next" without a Stripe call per request.
    this.addSql(`
      alter table billing_subscription
        add column schedule_id varchar(255),
        add column scheduled_tier varchar(16) check (scheduled_tier in ('PRO', 'SCALE')),
        add column scheduled_at timestamptz,
        add column pending_tier varchar(16) check (pending_tier in ('PRO', 'SCALE')),
        add column pending_invoice_url text,
        add column pending_expires_at timestamptz`);
  }

  override down(): void {
    this.addSql(`
      alter table billing_subscription
        drop column if exists pending_expires_at,
        drop column if exists pending_invoice_url,
        drop column if exists pending_tier,
        drop column if exists scheduled_at,
        drop column if exists scheduled_tier,
        drop column if exists schedule_id`);
  }
}
