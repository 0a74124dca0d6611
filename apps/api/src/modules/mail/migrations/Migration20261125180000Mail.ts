import { Migration } from '@mikro-orm/migrations';

/**
 * Mail's own table. It used to be created by Migration20261125190000Billing, which databases from
 * before the split have already applied; hence `if not exists`, so there this migration is a no-op.
 */
export class Migration20261125180000Mail extends Migration {
  override name = 'Migration20261125180000Mail';

  override up(): void {
    // Every mail sent; with SMTP_URL unset it is the outbox. dedupe_key makes one mail per cause.
    this.addSql(`
      create table if not exists mail_message (
        id uuid primary key,
        organization_id uuid references organization(id) on delete cascade,
        dedupe_key varchar(255) unique,
        recipients text not null,
        subject varchar(255) not null,
        body text not null,
        transport varchar(8) not null check (transport in ('outbox', 'smtp')),
        created_at timestamptz not null,
        sent_at timestamptz
      )`);
    this.addSql(
      `create index if not exists mail_message_recent_idx on mail_message (organization_id, created_at desc)`,
    );
  }

  override down(): void {
    this.addSql('drop table if exists mail_message');
  }
}
