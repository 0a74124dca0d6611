import { Migration } from '@mikro-orm/migrations';

export class Migration20261202090100BillingIncidents extends Migration {
  override name = 'Migration20261202090100BillingIncidents';

  override up(): void {
    // When a subscription ended (canceled or incomplete_expired), for the churn of the last 30 days.
    // Rows that ended before this column existed count from their last update.
    this.addSql(`alter table billing_subscription add column ended_at timestamptz`);
    this.addSql(
      `update billing_subscription set ended_at = updated_at where status in ('canceled', 'incomplete_expired')`,
    );
    this.addSql(
      `create index billing_subscription_ended_idx on billing_subscription (ended_at) where ended_at is not null`,
    );
    // Something billing did on its own that an admin should know about (e.g. a second subscription
    // cancelled and refunded). One row per (kind, subscription): a redelivered webhook finds the row
    // and never refunds twice. settled_at is null until Stripe has done what the row decided.
    this.addSql(`
      create table billing_incident (
        id uuid primary key,
        organization_id uuid not null references organization(id) on delete cascade,
        kind varchar(64) not null,
        stripe_subscription_id varchar(255) not null,
        kept_stripe_subscription_id varchar(255),
        plan_tier varchar(16) check (plan_tier in ('PRO', 'SCALE')),
        refunded_cents integer not null default 0,
        detail text not null,
        created_at timestamptz not null,
        settled_at timestamptz,
        unique (kind, stripe_subscription_id)
      )`);
    this.addSql(`create index billing_incident_recent_idx on billing_incident (organization_id, created_at desc)`);
    this.addSql(
      `create index billing_incident_unsettled_idx on billing_incident (organization_id) where settled_at is null`,
    );
  }

  override down(): void {
    this.addSql('drop table if exists billing_incident');
    this.addSql('drop index if exists billing_subscription_ended_idx');
    this.addSql('alter table billing_subscription drop column if exists ended_at');
  }
}
