import { Migration } from '@mikro-orm/migrations';

/**
 * The ids of up to $5 due events, locked for the claim: retries and abandoned claims first (few, and
 * older), then new events. $2 the receiving account, $3 attempts allowed, $4 claims older than this
 * are abandoned. Shared with the later migrations that redefine claim_webhook_events.
 */
export const DUE_EVENT_IDS = `
          select due.id from (
            select retrying.id from (
              select r.id from stripe_webhook_event r
              where r.status = 'failed' and r.retry_at <= clock_timestamp() and r.attempts < $3
                and (r.receiver = $2 or r.receiver is null)
              order by r.retry_at limit $5 for update skip locked) as retrying
            union all
            select abandoned.id from (
              select a.id from stripe_webhook_event a
              where a.status = 'processing' and a.updated_at < $4 and (a.receiver = $2 or a.receiver is null)
              order by a.updated_at limit $5 for update skip locked) as abandoned
            union all
            select fresh.id from (
              select f.id from stripe_webhook_event f
              where f.status = 'received' and (f.receiver = $2 or f.receiver is null)
              order by f.received_at limit $5 for update skip locked) as fresh
          ) as due limit $5)`;

/** claim_webhook_events as this migration defines it ($1 the claim's time): what a later one's down() restores. */
export const CLAIM_WEBHOOK_EVENTS = `
      create or replace function claim_webhook_events(
        claimed_at timestamptz, account varchar, max_attempts int, abandoned_before timestamptz, batch int
      ) returns table (
        id varchar, type varchar, object_id varchar, payload text, attempts int, received_at timestamptz
      ) language sql set enable_bitmapscan = off as $fn$
        update stripe_webhook_event e set status = 'processing', attempts = e.attempts + 1, updated_at = $1
        where e.id in (
${DUE_EVENT_IDS}
        returning e.id, e.type, e.object_id, e.payload::text, e.attempts, e.received_at
      $fn$`;

export class Migration20261203080000WebhookLogClaims extends Migration {
  override name = 'Migration20261203080000WebhookLogClaims';

  override up(): void {
    // The log keeps each event as Stripe sent it: `json` checks the syntax and stores the text, where
    // `jsonb` decomposed every payload on insert and composed it again on every read, which more than
    // doubled the cost of recording a delivery (issue 12). `object_id` is what the worker groups
    // events by (data.object.id), written once at ingest instead of read out of the payload per claim;
    // rows still to apply get theirs here, older ones are never claimed again.
    this.addSql(`
      alter table stripe_webhook_event
        alter column payload type json using payload::json,
        add column object_id varchar(255)`);
    this.addSql(`
      update stripe_webhook_event set object_id = payload->'data'->'object'->>'id'
      where status in ('received', 'processing', 'failed')`);
    // One index per way an event becomes due, each walked in the order it is claimed, so a claim stops
    // at its batch size and marks the dead entries it passes. The one bitmap scan over all three
    // statuses the planner chose before (its statistics see few live rows, not the dead entries) read
    // every row version still indexed: every event claimed or applied since the last vacuum, thousands
    // of pages per claim under load. The claim is a function so it can switch bitmap scans off for
    // its own plan: a sorted bitmap scan would read all of them again.
    this.addSql('drop index if exists stripe_webhook_event_pending');
    this.addSql(
      `create index stripe_webhook_event_received on stripe_webhook_event (received_at) where status = 'received'`,
    );
    this.addSql(
      `create index stripe_webhook_event_retrying on stripe_webhook_event (retry_at) where status = 'failed'`,
    );
    this.addSql(
      `create index stripe_webhook_event_claimed on stripe_webhook_event (updated_at) where status = 'processing'`,
    );
    this.addSql(CLAIM_WEBHOOK_EVENTS);
  }

  override down(): void {
    this.addSql('drop function if exists claim_webhook_events(timestamptz, varchar, int, timestamptz, int)');
    this.addSql('drop index if exists stripe_webhook_event_received');
    this.addSql('drop index if exists stripe_webhook_event_retrying');
    this.addSql('drop index if exists stripe_webhook_event_claimed');
    this.addSql(`
      create index stripe_webhook_event_pending on stripe_webhook_event (received_at)
        where status in ('received', 'processing', 'failed')`);
    this.addSql(
      'alter table stripe_webhook_event drop column if exists object_id, alter column payload type jsonb using payload::jsonb',
    );
  }
}
