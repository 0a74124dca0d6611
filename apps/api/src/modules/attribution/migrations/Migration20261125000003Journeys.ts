import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000003Journeys extends Migration {
  override name = 'Migration20261125000003Journeys';

  override up(): void {
    this.addSql(`
      create table journey (
        id uuid primary key,
        organization_id uuid not null references organization(id) on delete cascade deferrable initially deferred,
        converted_at timestamptz,
        value double precision not null default 0,
        created_at timestamptz not null
      )`);
    this.addSql(`create index journey_organization_converted_idx on journey (organization_id, converted_at)`);
    this.addSql(`
      create table touch (
        id uuid primary key,
        journey_id uuid not null references journey(id) on delete cascade deferrable initially deferred,
        position integer not null,
        channel varchar(100) not null,
        at timestamptz not null,
        milestone varchar(16) check (milestone in ('lead', 'opportunity')),
        unique (journey_id, position)
      )`);
  }

  override down(): void {
    this.addSql('drop table if exists touch, journey');
  }
}
