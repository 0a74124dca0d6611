import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000002Usage extends Migration {
  override name = 'Migration20261125000002Usage';

  override up(): void {
    // One row per organization, metric and billing period: a new period simply starts a new row,
    // so usage resets without any scheduled job.
    this.addSql(`
      create table usage_counter (
        organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
        metric varchar(32) not null,
        period_start timestamptz not null,
        used integer not null check (used >= 0),
        primary key (organization_id, metric, period_start)
      )`);
  }

  override down(): void {
    this.addSql('drop table if exists usage_counter');
  }
}
