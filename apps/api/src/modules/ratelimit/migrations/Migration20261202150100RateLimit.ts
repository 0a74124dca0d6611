import { Migration } from '@mikro-orm/migrations';

/** Token buckets shared by every API instance (issue 10). */
export class Migration20261202150100RateLimit extends Migration {
  override name = 'Migration20261202150100RateLimit';

  override up(): void {
    // Unlogged: a crash empties it, which only refills every bucket; in exchange no WAL per request.
    // `tat` is the bucket's theoretical arrival time (GCRA): the bucket is full once it lies in the past.
    this.addSql(`
      create unlogged table if not exists rate_limit_bucket (
        key text primary key,
        tat timestamptz not null,
        emission_ms double precision not null,
        capacity integer not null
      )`);
  }

  override down(): void {
    this.addSql('drop table if exists rate_limit_bucket');
  }
}
