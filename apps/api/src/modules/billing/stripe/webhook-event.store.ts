import type Stripe from 'stripe';
import type { Clock } from '../../../clock.js';
import type { Orm } from '../../../db/orm.js';
import { dateOrNull, pgQuery, sql, sqlOne } from '../../../db/sql.js';

export type WebhookEventStatus = 'received' | 'processing' | 'processed' | 'ignored' | 'failed';

export interface WebhookEventView {
  id: string;
  type: string;
  status: WebhookEventStatus;
  attempts: number;
  result: string | null;
  error: string | null;
  receivedAt: Date;
  updatedAt: Date;
}

interface EventRow {
  id: string;
  type: string;
  status: WebhookEventStatus;
  attempts: number;
  result: string | null;
  last_error: string | null;
  received_at: Date | string;
  updated_at: Date | string;
}

// An organization's events; a failure not yet tied to an organization shows through its customer.
const SELECT_OF_ORGANIZATION = `
  select e.id, e.type, e.status, e.attempts, e.result, e.last_error, e.received_at, e.updated_at
  from stripe_webhook_event e
  where (e.organization_id = ?
     or (e.organization_id is null and e.payload #>> '{data,object,customer}' in
         (select stripe_customer_id from billing_customer where organization_id = ?)))`;

// A claim left in `processing` this long belongs to a process that died mid-way: it may be retried.
const STALE_CLAIM_MS = 5 * 60_000;

/** An event taken from the log to apply. */
export interface ClaimedEvent {
  event: Stripe.Event;
  /** This one included: above 1 it is a retry. */
  attempts: number;
  receivedAt: Date;
}

/**
 * stripe_webhook_event: every verified event by its id, with what became of it; also the durable log
 * the worker applies from. `receiver` is the Stripe account the events came for (see the migration).
 */
export class WebhookEventStore {
  constructor(
    private readonly orm: Orm,
    private readonly clock: Clock,
    private readonly receiver: string | null = null,
  ) {}

  /**
   * One statement on the pool, no transaction around it: true when the event is new, false for a
   * redelivery (which records nothing). `payload` is the verified body as Stripe sent it, stored as is
   * (PostgreSQL parses it into jsonb), so the request path neither serialises the event again nor
   * formats kilobytes of JSON into the SQL text.
   */
  async record(event: { id: string; type: string }, payload: string): Promise<boolean> {
    const now = this.clock.now();
    const inserted = await pgQuery<{ id: string }>(
      this.orm,
      `insert into stripe_webhook_event (id, type, status, attempts, payload, received_at, updated_at, receiver)
       values ($1, $2, 'received', 0, $3::jsonb, $4, $4, $5) on conflict (id) do nothing returning id`,
      [event.id, event.type, payload, now, this.receiver],
    );
    return inserted.length > 0;
  }

  /**
   * Takes up to `limit` events that are due: new ones, failed ones with attempts left whose backoff has passed, and claims
   * left by a process that died. SKIP LOCKED: instances claiming at once each get different events.
   */
  async claimDue(limit: number, maxAttempts: number): Promise<ClaimedEvent[]> {
    const now = this.clock.now();
    const rows = await sql<{ payload: Stripe.Event | string; attempts: number; received_at: Date | string }>(
      this.orm,
      `update stripe_webhook_event e set status = 'processing', attempts = e.attempts + 1, updated_at = ?
       where e.id in (
         select id from stripe_webhook_event
         where status in ('received', 'processing', 'failed') and (receiver = ? or receiver is null)
           and (status = 'received'
             or (status = 'failed' and attempts < ? and retry_at <= clock_timestamp())
             or (status = 'processing' and updated_at < ?))
         order by received_at
         limit ?
         for update skip locked)
       returning e.payload, e.attempts, e.received_at`,
      [now, this.receiver, maxAttempts, new Date(now.getTime() - STALE_CLAIM_MS), limit],
    );
    return rows.map((row) => ({
      event: typeof row.payload === 'string' ? (JSON.parse(row.payload) as Stripe.Event) : row.payload,
      attempts: row.attempts,
      receivedAt: new Date(row.received_at),
    }));
  }

  /**
   * Takes the event for processing. False when it is done already (a replayed delivery) or another
   * delivery of it is being processed right now.
   */
  async claim(eventId: string): Promise<boolean> {
    const now = this.clock.now();
    const claimed = await sql<{ id: string }>(
      this.orm,
      `update stripe_webhook_event set status = 'processing', attempts = attempts + 1, updated_at = ?
       where id = ? and (status in ('received', 'failed') or (status = 'processing' and updated_at < ?))
       returning id`,
      [now, eventId, new Date(now.getTime() - STALE_CLAIM_MS)],
    );
    return claimed.length > 0;
  }

  async statusOf(eventId: string): Promise<WebhookEventStatus | null> {
    const row = await sqlOne<{ status: WebhookEventStatus }>(
      this.orm,
      'select status from stripe_webhook_event where id = ?',
      [eventId],
    );
    return row?.status ?? null;
  }

  async finish(
    eventId: string,
    status: 'processed' | 'ignored',
    organizationId: string | null,
    result: string,
  ): Promise<void> {
    await sql(
      this.orm,
      `update stripe_webhook_event set status = ?, organization_id = coalesce(?, organization_id), result = ?, last_error = null, updated_at = ?
       where id = ?`,
      [status, organizationId, result, this.clock.now(), eventId],
    );
  }

  /** Failed; due again after `retryBaseMs` doubled per attempt made (real time: see the migration). */
  async fail(eventId: string, error: string, retryBaseMs: number): Promise<void> {
    await sql(
      this.orm,
      `update stripe_webhook_event set status = 'failed', last_error = ?, updated_at = ?,
         retry_at = clock_timestamp() + make_interval(secs => ? * power(2, greatest(attempts - 1, 0)))
       where id = ?`,
      [error, this.clock.now(), retryBaseMs / 1000, eventId],
    );
  }

  async recent(organizationId: string, limit: number): Promise<WebhookEventView[]> {
    const rows = await sql<EventRow>(this.orm, `${SELECT_OF_ORGANIZATION} order by e.received_at desc limit ?`, [
      organizationId,
      organizationId,
      limit,
    ]);
    return rows.map(toView);
  }

  async findOf(organizationId: string, eventId: string): Promise<WebhookEventView | null> {
    const row = await sqlOne<EventRow>(this.orm, `${SELECT_OF_ORGANIZATION} and e.id = ?`, [
      organizationId,
      organizationId,
      eventId,
    ]);
    return row ? toView(row) : null;
  }

  /** When any instance last received an event; null when none ever arrived. */
  async lastReceivedAt(): Promise<Date | null> {
    const row = await sqlOne<{ received: Date | string | null }>(
      this.orm,
      'select max(received_at) as received from stripe_webhook_event',
    );
    return dateOrNull(row?.received ?? null);
  }

  async payload(eventId: string): Promise<Stripe.Event | null> {
    const row = await sqlOne<{ payload: Stripe.Event | string }>(
      this.orm,
      'select payload from stripe_webhook_event where id = ?',
      [eventId],
    );
    const payload = row?.payload;
    if (payload === undefined) return null;
    return typeof payload === 'string' ? (JSON.parse(payload) as Stripe.Event) : payload;
  }
}

function toView(row: EventRow): WebhookEventView {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    attempts: row.attempts,
    result: row.result,
    error: row.last_error,
    receivedAt: new Date(row.received_at),
    updatedAt: new Date(row.updated_at),
  };
}
