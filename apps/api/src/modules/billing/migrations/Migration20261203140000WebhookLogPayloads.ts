import { Migration } from '@mikro-orm/migrations';
import { CLAIM_WEBHOOK_EVENTS, DUE_EVENT_IDS } from './Migration20261203080000WebhookLogClaims.js';

/** claim_webhook_events as this migration defines it: what a later one's down() restores. */
export const CLAIM_WEBHOOK_EVENTS_WITH_HEADS = `
      create function claim_webhook_events(
        claimed_at timestamptz, account varchar, max_attempts int, abandoned_before timestamptz, batch int
      ) returns table (
        id varchar, type varchar, object_id varchar, payload text, attempts int, received_at timestamptz
      ) language plpgsql set enable_bitmapscan = off as $fn$
        #variable_conflict use_column
        begin
        -- plpgsql, not sql: a sql function would run this select lazily, row by row, and PostgreSQL
        -- refuses the update's trigger events outside a whole statement.
        return query with claimed as (
          update stripe_webhook_event e set status = 'processing', attempts = e.attempts + 1, updated_at = $1
          where e.id in (
${DUE_EVENT_IDS}
          returning e.id, e.type, e.object_id, e.payload, e.attempts, e.received_at)
        select c.id, c.type, c.object_id,
          case when c.object_id is null
            or row_number() over (partition by c.object_id order by c.received_at, c.id) = 1
          then c.payload end,
          c.attempts, c.received_at
        from claimed c;
        end
      $fn$`;

export class Migration20261203140000WebhookLogPayloads extends Migration {
  override name = 'Migration20261203140000WebhookLogPayloads';

  override up(): void {
    // What recording a delivery costs the database, per event (measured in isolation, 16-event
    // batches of 4 KB subscription events): `json` 0.18 ms, `text` with lz4 0.08 ms. The payload is
    // text: the Stripe SDK has parsed every verified body already, so `json`'s second parse checked
    // nothing; the few reads that look inside cast it. It is compressed as it is recorded, and lz4
    // does that several times faster than the default pglz (rows stored before keep theirs;
    // PostgreSQL reads both). A server built without lz4 (embedded PGlite) keeps pglz.
    this.addSql('alter table stripe_webhook_event alter column payload type text');
    this.addSql(`
      do $$ begin
        alter table stripe_webhook_event alter column payload set compression lz4;
      exception when feature_not_supported then null;
      end $$`);
    // A claim hands out the payload only for the first event about each object (and for every event
    // about none): the worker applies events about one object by one handler run that reads only the
    // first, so the others' kilobytes need not be read, sent and decoded. The rest is as before.
    this.addSql('drop function if exists claim_webhook_events(timestamptz, varchar, int, timestamptz, int)');
    this.addSql(CLAIM_WEBHOOK_EVENTS_WITH_HEADS);
  }

  override down(): void {
    this.addSql('alter table stripe_webhook_event alter column payload set compression default');
    this.addSql('alter table stripe_webhook_event alter column payload type json using payload::json');
    this.addSql('drop function if exists claim_webhook_events(timestamptz, varchar, int, timestamptz, int)');
    this.addSql(CLAIM_WEBHOOK_EVENTS);
  }
}
