import { Migration } from '@mikro-orm/migrations';

export class Migration20261202140000JourneyImports extends Migration {
  override name = 'Migration20261202140000JourneyImports';

  override up(): void {
    // One row per import that was stored (imports are all or nothing). The content hash is unique per
    // organization, so the same file twice is caught even when both uploads race.
    this.addSql(`
      create table journey_import (
        id uuid primary key,
        organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
        file_name varchar(255) not null,
        content_sha256 char(64) not null,
        format varchar(16) not null check (format in ('journeys', 'path-rows')),
        rows integer not null check (rows >= 0),
        journeys integer not null check (journeys >= 0),
        status varchar(16) not null check (status in ('completed')),
        created_at timestamptz not null,
        unique (organization_id, content_sha256)
      )`);
    this.addSql(
      'create index journey_import_listing_idx on journey_import (organization_id, created_at desc, id desc)',
    );
    // Rows written before their import's row (the hash is known only at the end of the file).
    for (const table of ['journey', 'journey_path']) {
      this.addSql(
        `alter table ${table} add column import_id uuid references journey_import(id) deferrable initially deferred`,
      );
      this.addSql(`create index ${table}_import_idx on ${table} (import_id) where import_id is not null`);
    }
    // Stored journeys and path rows per organization, kept in the transactions that insert or delete
    // them: the plan's allowance is checked against this row under its lock, never a racing count(*).
    this.addSql(`
      create table stored_journey_count (
        organization_id uuid primary key references organization(id) on delete cascade deferrable initially deferred,
        stored integer not null check (stored >= 0)
      )`);
    this.addSql(`
      insert into stored_journey_count (organization_id, stored)
      select organization_id, count(*) from (
        select organization_id from journey union all select organization_id from journey_path
      ) as rows_stored
      group by organization_id`);
  }

  override down(): void {
    this.addSql('drop table if exists stored_journey_count');
    this.addSql('alter table journey drop column if exists import_id');
    this.addSql('alter table journey_path drop column if exists import_id');
    this.addSql('drop table if exists journey_import');
  }
}
