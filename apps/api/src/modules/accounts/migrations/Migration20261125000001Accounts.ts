import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000001Accounts extends Migration {
  override name = 'Migration20261125000001Accounts';

  override up(): void {
    // Foreign keys are checked at commit: the ORM may insert a unit of work's rows in any order.
    this.addSql(`
      create table organization (
        id uuid primary key,
        name varchar(200) not null,
        created_at timestamptz not null
      )`);
    this.addSql(`
      create table app_user (
        id uuid primary key,
        email varchar(320) not null unique,
        password_hash text not null,
        created_at timestamptz not null
      )`);
    this.addSql(`
      create table membership (
        id uuid primary key,
        organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
        user_id uuid not null references app_user(id) on delete cascade deferrable initially deferred,
        role varchar(16) not null check (role in ('OWNER', 'ADMIN', 'MEMBER')),
        created_at timestamptz not null,
        unique (organization_id, user_id)
      )`);
    this.addSql(`create index membership_user_idx on membership (user_id)`);
    this.addSql(`
      create table user_session (
        id uuid primary key,
        user_id uuid not null references app_user(id) on delete cascade deferrable initially deferred,
        organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
        token_hash char(64) not null unique,
        created_at timestamptz not null,
        expires_at timestamptz not null
      )`);
    this.addSql(`
      create table api_key (
        id uuid primary key,
        organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
        created_by_user_id uuid references app_user(id) on delete set null deferrable initially deferred,
        name varchar(100) not null,
        prefix varchar(16) not null,
        secret_hash char(64) not null unique,
        created_at timestamptz not null,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    this.addSql(`create index api_key_organization_idx on api_key (organization_id)`);
  }

  override down(): void {
    this.addSql('drop table if exists api_key, user_session, membership, app_user, organization');
  }
}
