import { Migration } from '@mikro-orm/migrations';

export class Migration20261203070000QuotaFunction extends Migration {
  override name = 'Migration20261203070000QuotaFunction';

  override up(): void {
    // The quota rule as a function, so a caller's own statement (trackJourney's, issue 12) can take the
    // units in the same autocommit statement as its rows: refused, it raises (SQLSTATE AAQ01, the used
    // count in DETAIL) and the whole statement, rows included, is undone. The row lock ON CONFLICT takes
    // serialises concurrent callers, so no interleaving overshoots. `day_number` is 1-based (element of
    // daily[]); PostgreSQL extends the array as needed, filling skipped days with NULL (read as 0).
    this.addSql(`
      create or replace function take_usage_units(
        org uuid, metric_name text, period timestamptz, day_number int, cost int, lim int
      ) returns int language plpgsql as $fn$
      declare
        now_used int;
      begin
        insert into usage_counter as c (organization_id, metric, period_start, used, daily)
        select org, metric_name, period, cost, array_fill(0, array[day_number - 1]) || cost where cost <= lim
        on conflict (organization_id, metric, period_start)
        do update set used = c.used + excluded.used,
          daily[day_number] = coalesce(c.daily[day_number], 0) + excluded.used
        where c.used + excluded.used <= lim
        returning c.used into now_used;
        if now_used is null then
          select c.used into now_used from usage_counter c
          where c.organization_id = org and c.metric = metric_name and c.period_start = period;
          raise exception 'usage quota exceeded' using errcode = 'AAQ01', detail = coalesce(now_used, 0)::text;
        end if;
        return now_used;
      end
      $fn$`);
  }

  override down(): void {
    this.addSql('drop function if exists take_usage_units(uuid, text, timestamptz, int, int, int)');
  }
}
