import { Migration } from '@mikro-orm/migrations';
import { DUE_EVENT_IDS } from './Migration20261203080000WebhookLogClaims.js';
import { CLAIM_WEBHOOK_EVENTS_WITH_HEADS } from './Migration20261203140000WebhookLogPayloads.js';

/**
 * The plan every statement that writes claimed events by id must have: a nested loop over the ids,
 * each found through the primary key. The log grows from nothing to thousands of rows in seconds
 * (a burst of deliveries), and a plan made when the statistics still saw 50 rows (a hash join over a
 * sequential scan) is kept by the connection's plan cache until the next analyze: it then read every
 * row version in the table, dead ones included, once per claim and per outcome batch (measured under
 * the bench's load: 5,000–30,000 pages per statement). Scoped to these functions, not the server.
 */
const BY_PRIMARY_KEY =
  'set enable_seqscan = off set enable_bitmapscan = off set enable_hashjoin = off set enable_mergejoin = off';

export class Migration20261203190000WebhookLogPlans extends Migration {
  override name = 'Migration20261203190000WebhookLogPlans';

  override up(): void {
    // The claim reads the payloads it hands out (the first event's about each object) by primary key
    // after the update, rather than returning every claimed row's: 2,048 rows of ~1.8 KB compressed
    // JSON (~4 MB, the default work_mem) went through the update's result and the sort by object, to be
    // dropped but for one per object (claims of 20,000 such events took 0.55–0.78 s instead of
    // 0.88–0.94 s, measured alone in psql).
    this.addSql(`
      create or replace function claim_webhook_events(
        claimed_at timestamptz, account varchar, max_attempts int, abandoned_before timestamptz, batch int
      ) returns table (
        id varchar, type varchar, object_id varchar, payload text, attempts int, received_at timestamptz
      ) language plpgsql ${BY_PRIMARY_KEY} as $fn$
        #variable_conflict use_column
        begin
        return query with claimed as (
          update stripe_webhook_event e set status = 'processing', attempts = e.attempts + 1, updated_at = $1
          where e.id in (
${DUE_EVENT_IDS}
          returning e.id, e.type, e.object_id, e.attempts, e.received_at),
        ranked as (
          select c.*, c.object_id is null
            or row_number() over (partition by c.object_id order by c.received_at, c.id) = 1 as heads
          from claimed c)
        select r.id, r.type, r.object_id,
          case when r.heads then (select p.payload from stripe_webhook_event p where p.id = r.id) end,
          r.attempts, r.received_at
        from ranked r;
        end
      $fn$`);
    // The outcomes of applied events, one element per event in each array.
    this.addSql(`
      create function finish_webhook_events(
        finished_at timestamptz, ids text[], statuses text[], organization_ids uuid[], results text[]
      ) returns void language sql ${BY_PRIMARY_KEY} as $fn$
        update stripe_webhook_event e set status = o.status,
          organization_id = coalesce(o.organization_id, e.organization_id),
          result = o.result, last_error = null, updated_at = $1
        from unnest($2, $3, $4, $5) as o(id, status, organization_id, result)
        where e.id = o.id
      $fn$`);
  }

  override down(): void {
    this.addSql('drop function if exists finish_webhook_events(timestamptz, text[], text[], uuid[], text[])');
    this.addSql('drop function if exists claim_webhook_events(timestamptz, varchar, int, timestamptz, int)');
    this.addSql(CLAIM_WEBHOOK_EVENTS_WITH_HEADS);
  }
}
