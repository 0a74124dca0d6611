import { Migration } from '@mikro-orm/migrations';

/** Team invitations (issue 11 item 8) and the organization's report currency. */
export class Migration20261202170100Invitations extends Migration {
  override name = 'Migration20261202170100Invitations';

  override up(): void {
    this.addSql(`alter table organization add column if not exists currency varchar(3) not null default 'USD'`);
    this.addSql(`
      create table if not exists invitation (
        id uuid primary key,
        organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
        email varchar(320) not null,
        role varchar(16) not null check (role in ('ADMIN', 'MEMBER')),
        token_hash char(64) not null unique,
        invited_by_user_id uuid references app_user(id) on delete set null deferrable initially deferred,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        accepted_at timestamptz,
        accepted_by_user_id uuid references app_user(id) on delete set null deferrable initially deferred,
        revoked_at timestamptz
      )`);
    // One open invitation per address and organization: a second invite is refused, a resend replaces the token.
    this.addSql(`
      create unique index if not exists invitation_open_email_idx on invitation (organization_id, email)
        where accepted_at is null and revoked_at is null`);
  }

  override down(): void {
    this.addSql('drop table if exists invitation');
    this.addSql('alter table organization drop column if exists currency');
  }
}
