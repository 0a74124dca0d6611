import { Migration } from '@mikro-orm/migrations';

export class Migration20261125190500Attribution extends Migration {
  override name = 'Migration20261125190500Attribution';

  override up(): void {
    // Aggregated ChannelAttribution rows are kept as rows (a path and its counts): they carry no
    // timestamps, and expanding 19,785 conversions into single journeys would multiply storage.
    this.addSql(`
      create table journey_path (
        id bigint generated always as identity primary key,
        organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
        path text not null,
        conversions double precision not null check (conversions >= 0),
        value double precision not null check (value >= 0),
        nulls double precision not null check (nulls >= 0),
        created_at timestamptz not null
      )`);
    this.addSql('create index journey_path_organization_idx on journey_path (organization_id, id)');
    // Reports stream an organization's journeys in id order (keyset pagination).
    this.addSql('create index journey_organization_id_idx on journey (organization_id, id)');
    this.addSql(`
      create table attribution_report (
        id uuid primary key,
        organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
        models text[] not null,
        window_from timestamptz,
        window_to timestamptz,
        lookback_days integer not null,
        journey_count integer not null,
        path_row_count integer not null,
        credits jsonb not null,
        duration_ms double precision not null,
        created_at timestamptz not null
      )`);
    this.addSql(
      'create index attribution_report_listing_idx on attribution_report (organization_id, created_at desc, id desc)',
    );
  }

  override down(): void {
    this.addSql('drop table if exists attribution_report, journey_path');
    this.addSql('drop index if exists journey_organization_id_idx');
  }
}
