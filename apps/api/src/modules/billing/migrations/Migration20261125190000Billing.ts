import { Migration } from '@mikro-orm/migrations';

// mail_message was created here too until mail got its own migration (Migration20261125180000Mail).
export class Migration20261125190000Billing extends Migration {
  override name = 'Migration20261125190000Billing';

  override up(): void {
    // The organization owns its Stripe customer: one row each, written once under a row lock.
    this.addSql(`
      create table billing_customer (
        organization_id uuid primary key references organization(id) on delete cascade,
        stripe_customer_id varchar(255) not null unique,
        email varchar(320) not null,
        created_at timestamptz not null
      )`);
    // Mirrors Stripe's subscription, upserted on its id; past_due_since starts the grace period.
    this.addSql(`
      create table billing_subscription (
        id uuid primary key,
        organization_id uuid not null references organization(id) on delete cascade,
        stripe_customer_id varchar(255) not null,
        stripe_subscription_id varchar(255) not null unique,
        stripe_price_id varchar(255) not null,
        plan_tier varchar(16) not null check (plan_tier in ('PRO', 'SCALE')),
        status varchar(32) not null,
        current_period_start timestamptz not null,
        current_period_end timestamptz not null,
        cancel_at_period_end boolean not null,
        past_due_since timestamptz,
        created_at timestamptz not null,
        updated_at timestamptz not null
      )`);
    // One live subscription per organization; ended ones stay as history.
    this.addSql(`
      create unique index billing_subscription_one_live_idx on billing_subscription (organization_id)
      where status not in ('canceled', 'incomplete_expired')`);
    this.addSql(`
      create table stripe_webhook_event (
        id varchar(255) primary key,
        type varchar(128) not null,
        organization_id uuid references organization(id) on delete set null,
        status varchar(16) not null check (status in ('received', 'processing', 'processed', 'ignored', 'failed')),
        attempts integer not null default 0,
        result text,
        last_error text,
        payload jsonb not null,
        received_at timestamptz not null,
        updated_at timestamptz not null
      )`);
    this.addSql(
      `create index stripe_webhook_event_recent_idx on stripe_webhook_event (organization_id, received_at desc)`,
    );
    this.addSql(`
      create table billing_repair (
        id uuid primary key,
        stripe_subscription_id varchar(255) not null,
        organization_id uuid references organization(id) on delete set null,
        changes jsonb not null,
        source varchar(32) not null,
        created_at timestamptz not null
      )`);
  }

  override down(): void {
    this.addSql('drop table if exists billing_repair');
    this.addSql('drop table if exists stripe_webhook_event');
    this.addSql('drop table if exists billing_subscription');
    this.addSql('drop table if exists billing_customer');
  }
}
