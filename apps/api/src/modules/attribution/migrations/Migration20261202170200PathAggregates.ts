import { Migration } from '@mikro-orm/migrations';

export class Migration20261202170200PathAggregates extends Migration {
  override name = 'Migration20261202170200PathAggregates';

  override up(): void {
    // A journey that did not convert has its time (the reports' window rule) in its last touch; kept
    // on the row so a window's edge finds such journeys by index, not by reading every touch.
    this.addSql('alter table journey add column unconverted_at timestamptz');
    this.addSql(`
      update journey j set unconverted_at = (select max(t.at) from touch t where t.journey_id = j.id)
      where j.converted_at is null`);
    this.addSql(`
      create index journey_unconverted_idx on journey (organization_id, unconverted_at) where converted_at is null`);
    // Paths interned: an aggregate row names its path by a hash of its channels and milestones.
    this.addSql(`
      create table journey_path_shape (
        id uuid primary key,
        channels text[] not null,
        milestones text[] not null
      )`);
    // Per organization, UTC day (of the conversion, or of the last touch when none), path and span (whole
    // days from the oldest touch to the conversion: every touch is inside a lookback of L days iff
    // span_days <= L). decay_* hold TIME_DECAY's credit per position (half-life 7 days), summed.
    this.addSql(`
      create table journey_path_day (
        organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
        day date not null,
        path_id uuid not null,
        span_days integer not null,
        journeys integer not null,
        conversions double precision not null,
        value double precision not null,
        nulls double precision not null,
        decay_conversions double precision[] not null,
        decay_value double precision[] not null,
        primary key (organization_id, day, path_id, span_days)
      )`);
    // The same per path and span over all days: a report over everything stored reads one row per
    // distinct path, however many days the journeys spread over.
    this.addSql(`
      create table journey_path_total (
        organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
        path_id uuid not null,
        span_days integer not null,
        journeys integer not null,
        conversions double precision not null,
        value double precision not null,
        nulls double precision not null,
        decay_conversions double precision[] not null,
        decay_value double precision[] not null,
        primary key (organization_id, path_id, span_days)
      )`);
    // Element-wise a + sign × b of two TIME_DECAY credit arrays of one path (a fold adds, a deletion subtracts).
    this.addSql(`
      create function journey_decay_add(a double precision[], b double precision[], sign double precision)
      returns double precision[] language sql immutable parallel safe as $$
        select coalesce(array_agg(coalesce(x, 0) + sign * coalesce(y, 0) order by i), '{}')
        from unnest(a, b) with ordinality as u(x, y, i)
      $$`);
    // Journeys stored but not yet folded into journey_path_day: written with the journey, so ingest
    // touches no shared row; a fold takes them (see path-aggregate.store.ts).
    this.addSql(`
      create table journey_unfolded (
        journey_id uuid primary key references journey(id) on delete cascade deferrable initially deferred,
        organization_id uuid not null
      )`);
    this.addSql('create index journey_unfolded_organization_idx on journey_unfolded (organization_id)');
    this.addSql(`
      insert into journey_unfolded (journey_id, organization_id) select id, organization_id from journey`);
  }

  override down(): void {
    this.addSql('drop table if exists journey_unfolded, journey_path_total, journey_path_day, journey_path_shape');
    this.addSql('drop function if exists journey_decay_add');
    this.addSql('drop index if exists journey_unconverted_idx');
    this.addSql('alter table journey drop column if exists unconverted_at');
  }
}
