import { Migration } from '@mikro-orm/migrations';

/** Sign-in throttling shared by every API instance (issue 10): failure buckets and known addresses. */
export class Migration20261202150000SignInThrottle extends Migration {
  override name = 'Migration20261202150000SignInThrottle';

  override up(): void {
    // One row per bucket: an email (from addresses it never signed in from), an email at a known
    // address, or a client address. `allowed` is the verdict of the attempt that wrote the row last.
    this.addSql(`
      create table if not exists sign_in_throttle (
        key text primary key,
        max_failures integer not null,
        failures integer not null,
        blocked_until timestamptz,
        last_failure_at timestamptz not null,
        allowed boolean not null
      )`);
    this.addSql(`
      create table if not exists sign_in_known_address (
        email varchar(320) not null,
        address varchar(64) not null,
        last_signed_in_at timestamptz not null,
        primary key (email, address)
      )`);
  }

  override down(): void {
    this.addSql('drop table if exists sign_in_known_address');
    this.addSql('drop table if exists sign_in_throttle');
  }
}
