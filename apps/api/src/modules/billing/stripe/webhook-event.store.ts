import type Stripe from 'stripe';
import type { Clock } from '../../../clock.js';
import type { Orm } from '../../../db/orm.js';
import { GroupCommit } from '../../../db/group-commit.js';
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
     or (e.organization_id is null and e.payload::json #>> '{data,object,customer}' in
         (select stripe_customer_id from billing_customer where organization_id = ?)))`;

// A claim left in `processing` this long belongs to a process that died mid-way: it may be retried.
const STALE_CLAIM_MS = 5 * 60_000;
// A claimed event not started within this is given back rather than applied: its apply (bounded by
// Stripe's deadline) must end well before another instance may take the claim as abandoned.
const START_WITHIN_MS = STALE_CLAIM_MS / 2;

/** An event taken from the log to apply. */
export interface ClaimedEvent {
  id: string;
  type: string;
  /** What the event is about (`data.object.id`, recorded at ingest): the worker groups events by it. */
  objectId: string | null;
  /**
   * The event as recorded. Of events applied together only the first is read: a claim carries the
   * payload of the first event about each object, any other is read from the log when asked for.
   */
  load(): Promise<Stripe.Event>;
  /** This one included: above 1 it is a retry. */
  attempts: number;
  /** Null for an admin's replay, whose lag is not measured. */
  receivedAt: Date | null;
  /** When the log's claim was made; null for an admin's replay (which holds no claim that could go stale). */
  claimedAt: Date | null;
}

/** A recorded event, as the batched INSERT takes it. */
interface RecordedEvent {
  id: string;
  type: string;
  objectId: string | null;
  payload: string;
}

/** The outcome of events applied together, as the batched UPDATE takes it. */
interface AppliedOutcome {
  eventIds: readonly string[];
  status: 'processed' | 'ignored';
  organizationId: string | null;
  result: string;
}

/** A claimed event; the payload (kilobytes of JSON) only for the first about its object, parsed if needed. */
interface ClaimedRow {
  id: string;
  type: string;
  object_id: string | null;
  payload: string | null;
  attempts: number;
  received_at: Date;
}

/** An event applied outside the log's claims (an admin's replay of a failed one). */
export function claimedReplay(event: Stripe.Event): ClaimedEvent {
  // Replays are only of failed events, so this one has been tried before.
  const load = () => Promise.resolve(event);
  return {
    id: event.id,
    type: event.type,
    objectId: objectIdOf(event),
    load,
    attempts: 2,
    receivedAt: null,
    claimedAt: null,
  };
}

/** The width of stripe_webhook_event.object_id. */
const MAX_OBJECT_ID_LENGTH = 255;

/** `data.object.id` of a verified event; null when it has none that fits (such an event is applied alone). */
function objectIdOf(event: { data?: unknown }): string | null {
  const object = (event.data as { object?: { id?: unknown } } | undefined)?.object;
  const id = object?.id;
  return typeof id === 'string' && id.length <= MAX_OBJECT_ID_LENGTH ? id : null;
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
   * One INSERT on the pool (shared with the deliveries arriving meanwhile), no transaction around it:
   * true when the event is new, false for a redelivery (which records nothing). `payload` is the
   * verified body as Stripe sent it, stored as is (text: the SDK has parsed it already), so
   * the request path neither serialises the event again nor formats kilobytes of JSON into the SQL text.
   */
  record(event: { id: string; type: string; data?: unknown }, payload: string): Promise<boolean> {
    return this.#recording.submit('webhooks', { id: event.id, type: event.type, objectId: objectIdOf(event), payload });
  }

  /**
   * Deliveries arriving while an INSERT is in flight are recorded together by the next one (one round
   * trip and one commit for many events); each is answered once its own batch has committed.
   */
  readonly #recording = new GroupCommit<RecordedEvent, boolean>({
    keyOf: () => '',
    weightOf: (item) => item.payload.length,
    maxItems: 64,
    maxWeight: 4 * 1024 * 1024,
    send: async (batch) => {
      // One row of parameters per event: kilobytes of JSON travel as plain text parameters, not as
      // elements of an array literal the driver would have to escape character by character.
      const rows = batch.map((_, index) => {
        const at = index * 4 + 3;
        return `($${at}, $${at + 1}, $${at + 2}, $${at + 3})`;
      });
      const inserted = await pgQuery<{ id: string }>(
        this.orm,
        `insert into stripe_webhook_event (id, type, object_id, payload, status, attempts, received_at, updated_at, receiver)
         select id, type, object_id, payload, 'received', 0, $1, $1, $2
         from (values ${rows.join(', ')}) as batch(id, type, object_id, payload)
         on conflict (id) do nothing returning id`,
        [
          this.clock.now(),
          this.receiver,
          ...batch.flatMap(({ item }) => [item.id, item.type, item.objectId, item.payload]),
        ],
        // One text per batch size, each prepared once per connection.
        `stripe_webhook_record_${batch.length}`,
      );
      const recorded = new Set(inserted.map((row) => row.id));
      // The same event twice in one batch (a redelivery racing the first): the first is the one recorded.
      for (const waiting of batch) {
        const first = recorded.delete(waiting.item.id);
        waiting.resolve(first);
      }
    },
  });

  /**
   * Takes up to `limit` events that are due: failed ones with attempts left whose backoff has passed,
   * claims left by a process that died, then new ones, oldest first (claim_webhook_events, in the
   * WebhookLogClaims migration). SKIP LOCKED: instances claiming at once each get different events.
   */
  async claimDue(limit: number, maxAttempts: number): Promise<ClaimedEvent[]> {
    const now = this.clock.now();
    const rows = await pgQuery<ClaimedRow>(
      this.orm,
      'select id, type, object_id, payload, attempts, received_at from claim_webhook_events($1, $2, $3, $4, $5)',
      [now, this.receiver, maxAttempts, new Date(now.getTime() - STALE_CLAIM_MS), limit],
      'stripe_webhook_claim',
    );
    // The statement returns rows in no set order: applied in the order they were received.
    return rows.map((row) => this.#claimedOf(row, now)).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  }

  /** True when one of the events waited so long since its claim that it must be given back, not started. */
  claimOutlived(claimed: readonly ClaimedEvent[]): boolean {
    const startBy = this.clock.now().getTime() - START_WITHIN_MS;
    return claimed.some(({ claimedAt }) => claimedAt !== null && claimedAt.getTime() < startBy);
  }

  #claimedOf(row: ClaimedRow, claimedAt: Date): ClaimedEvent & { receivedAt: Date } {
    const { payload } = row;
    let loading: Promise<Stripe.Event> | undefined;
    const load = () =>
      (loading ??=
        payload === null
          ? this.payload(row.id).then((event) => event ?? Promise.reject(new Error(`event ${row.id} left the log`)))
          : Promise.resolve(JSON.parse(payload) as Stripe.Event));
    return {
      id: row.id,
      type: row.type,
      objectId: row.object_id,
      load,
      attempts: row.attempts,
      receivedAt: new Date(row.received_at),
      claimedAt,
    };
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

  /**
   * Every event of `eventIds` applied with the same outcome. Outcomes settled while one is being
   * written go together in the next statement (the worker's slots finish at nearly the same moments).
   */
  finish(
    eventIds: readonly string[],
    status: 'processed' | 'ignored',
    organizationId: string | null,
    result: string,
  ): Promise<void> {
    return this.#finishing.submit('outcomes', { eventIds, status, organizationId, result });
  }

  readonly #finishing = new GroupCommit<AppliedOutcome, void>({
    keyOf: () => '',
    weightOf: (outcome) => outcome.eventIds.length,
    maxItems: 64,
    maxWeight: 1024,
    send: async (batch) => {
      // One row per event; one statement text whatever the batch, so the server plans it once.
      const outcomes = batch.flatMap(({ item }) => item.eventIds.map((id) => ({ id, ...item })));
      await pgQuery(
        this.orm,
        'select finish_webhook_events($1, $2, $3, $4, $5)',
        [
          this.clock.now(),
          outcomes.map((one) => one.id),
          outcomes.map((one) => one.status),
          outcomes.map((one) => one.organizationId),
          outcomes.map((one) => one.result),
        ],
        'stripe_webhook_finish',
      );
      for (const waiting of batch) waiting.resolve();
    },
  });

  /** Claimed events given back unapplied: as they were before the claim, due at once. */
  async release(eventIds: readonly string[]): Promise<void> {
    await pgQuery(
      this.orm,
      `update stripe_webhook_event
       set status = case when last_error is null then 'received' else 'failed' end, attempts = attempts - 1
       where id = any($1::text[]) and status = 'processing'`,
      [eventIds],
    );
  }

  /** Failed; each due again after `retryBaseMs` doubled per attempt it made (real time: see the migration). */
  async fail(eventIds: readonly string[], error: string, retryBaseMs: number): Promise<void> {
    await pgQuery(
      this.orm,
      `update stripe_webhook_event set status = 'failed', last_error = $1, updated_at = $2,
         retry_at = clock_timestamp() + make_interval(secs => $3 * power(2, greatest(attempts - 1, 0)))
       where id = any($4::text[])`,
      [error, this.clock.now(), retryBaseMs / 1000, eventIds],
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
    const row = await sqlOne<{ payload: string }>(this.orm, 'select payload from stripe_webhook_event where id = ?', [
      eventId,
    ]);
    return row ? (JSON.parse(row.payload) as Stripe.Event) : null;
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
