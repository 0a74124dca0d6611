import { Migration } from '@mikro-orm/migrations';

export class Migration20261203070100StoredRoomFunction extends Migration {
  override name = 'Migration20261203070100StoredRoomFunction';

  override up(): void {
    // Room for `requested` stored journeys within `lim`, as a function so trackJourney's one statement
    // (issue 12) takes it with its rows: refused, it raises (SQLSTATE AAS01, the stored count in DETAIL)
    // and the statement is undone. The row is created only if the count fits and incremented only while
    // it stays within the limit; its row lock serialises concurrent writers of one organization.
    this.addSql(`
      create or replace function take_stored_room(org uuid, requested int, lim int)
      returns int language plpgsql as $fn$
      declare
        now_stored int;
      begin
        if requested = 0 then
          return null;
        end if;
        insert into stored_journey_count as c (organization_id, stored)
        select org, requested where requested <= lim
        on conflict (organization_id) do update set stored = c.stored + excluded.stored
        where c.stored + excluded.stored <= lim
        returning c.stored into now_stored;
        if now_stored is null then
          select c.stored into now_stored from stored_journey_count c where c.organization_id = org;
          raise exception 'stored journey allowance exceeded' using errcode = 'AAS01',
            detail = coalesce(now_stored, 0)::text;
        end if;
        return now_stored;
      end
      $fn$`);
  }

  override down(): void {
    this.addSql('drop function if exists take_stored_room(uuid, int, int)');
  }
}
