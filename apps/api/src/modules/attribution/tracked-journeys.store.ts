import { randomUUID } from 'node:crypto';
import { GroupCommit, type Waiting } from '../../db/group-commit.js';
import type { Orm } from '../../db/orm.js';
import { pgQuery } from '../../db/sql.js';
import { PlanLimitExceededError, takeTogether, type PendingReservation } from '../entitlements/index.js';
import { storedRoomExpression, storedRoomRefusal } from './journey-import.store.js';
import {
  journeyBatchColumns,
  journeyColumns,
  touchColumns,
  type JourneyAllowance,
  type JourneyToStore,
} from './journey-rows.js';

/**
 * One tracked journey in one autocommit statement (issue 12): its row, its unfolded mark, its touches,
 * then its quota units (`quota`, or null when unmetered) and its room in the allowance. The final select
 * counts every insert's rows before it calls the counters, so they run last and the organization's two
 * counter rows are locked only for the end of this statement, never across a client round trip; a
 * counter's refusal raises, undoing the rows and the other counter with it.
 */
function insertOneSql(quota: string): string {
  return `
  with stored as (
    insert into journey (id, organization_id, converted_at, value, created_at, import_id, unconverted_at)
    values ($3::uuid, $1::uuid, to_timestamp($4::float8 / 1000.0), $5::float8, $2::timestamptz, null,
      to_timestamp($6::float8 / 1000.0))
    returning id
  ), unfolded as (
    insert into journey_unfolded (journey_id, organization_id) select id, $1::uuid from stored returning 1
  ), touches as (
    insert into touch (id, journey_id, position, channel, at, milestone)
    select gen_random_uuid(), $3::uuid, position, channel, to_timestamp(at_ms / 1000.0), milestone
    from unnest($7::int[], $8::text[], $9::float8[], $10::text[]) as batch(position, channel, at_ms, milestone)
    returning 1
  )
  select ${quota} as quota, ${storedRoomExpression(1, 11, 12)} as room
  from (select count(*) from unfolded) as journeys, (select count(*) from touches) as touched`;
}

/**
 * Several tracked journeys of one organization in one autocommit statement, as insertOneSql stores one:
 * each column travels as one array, the counters take n journeys' units and room last. Every journey
 * has its own created_at (its call's clock reading).
 */
function insertManySql(quota: string): string {
  return `
  with stored as (
    insert into journey (id, organization_id, converted_at, value, created_at, import_id, unconverted_at)
    select id, $1::uuid, to_timestamp(converted_ms / 1000.0), value, created_at, null, to_timestamp(unconverted_ms / 1000.0)
    from unnest($4::uuid[], $5::timestamptz[], $6::float8[], $7::float8[], $8::float8[])
      as batch(id, created_at, converted_ms, value, unconverted_ms)
    returning id
  ), unfolded as (
    insert into journey_unfolded (journey_id, organization_id) select id, $1::uuid from stored returning 1
  ), touches as (
    insert into touch (id, journey_id, position, channel, at, milestone)
    select gen_random_uuid(), journey_id, position, channel, to_timestamp(at_ms / 1000.0), milestone
    from unnest($9::uuid[], $10::int[], $11::text[], $12::float8[], $13::text[])
      as batch(journey_id, position, channel, at_ms, milestone)
    returning 1
  )
  select ${quota} as quota, ${storedRoomExpression(1, 2, 3)} as room
  from (select count(*) from unfolded) as journeys, (select count(*) from touches) as touched`;
}

/**
 * A grouped statement's caps: 64 journeys covers a hot organization's burst (16 calls in flight in the
 * bench) in one statement; the touch budget keeps 64 journeys of 1,000 touches from becoming one
 * 64,000-row statement that every later call of the organization waits behind.
 */
const GROUP_JOURNEYS = 64;
const GROUP_TOUCHES = 5000;

/** One trackJourney call waiting for its organization's statement. */
interface TrackedToStore {
  organizationId: string;
  journey: JourneyToStore;
  createdAt: Date;
  allowance: JourneyAllowance;
  reservation: PendingReservation | undefined;
}

/**
 * trackJourney's writes (issue 12): one autocommit statement per journey, and concurrent calls of one
 * organization together in one statement.
 */
export class TrackedJourneyWriter {
  /**
   * Concurrent tracks of one organization share a statement: while one is in flight the next ones
   * wait and then go together (GroupCommit); only calls of equal counter parameters share one.
   */
  readonly #tracks = new GroupCommit<TrackedToStore, string>({
    keyOf: ({ reservation, allowance }) => `${reservation?.sharedWith ?? 'unmetered'} ${allowance.limit}`,
    weightOf: ({ journey }) => journey.touches.length,
    maxItems: GROUP_JOURNEYS,
    maxWeight: GROUP_TOUCHES,
    send: (batch) => this.#storeTracked(batch),
  });

  constructor(private readonly orm: Orm) {}

  /**
   * Stores one journey and its touches in one statement with its room in the allowance and, for a
   * metered call, its quota units; returns the journey's id. Refused by either, nothing is stored or
   * charged. Calls of one organization made while its previous statement runs share the next one.
   */
  insert(
    organizationId: string,
    journey: JourneyToStore,
    createdAt: Date,
    allowance: JourneyAllowance,
    reservation?: PendingReservation,
  ): Promise<string> {
    return this.#tracks.submit(organizationId, { organizationId, journey, createdAt, allowance, reservation });
  }

  async #storeTracked(batch: ReadonlyArray<Waiting<TrackedToStore, string>>): Promise<void> {
    if (batch.length > 1) {
      try {
        const ids = await this.#insertMany(batch.map(({ item }) => item));
        batch.forEach((waiting, index) => waiting.resolve(ids[index]!));
        return;
      } catch (error) {
        // Any other error stored nothing and is every call's: send rejects them all with it.
        if (!(error instanceof PlanLimitExceededError) && !storedRoomRefusal(error)) throw error;
      }
    }
    // Refused as a whole, some may still fit: one at a time, in arrival order, stores exactly those.
    for (const waiting of batch) await this.#insertOne(waiting.item).then(waiting.resolve, waiting.reject);
  }

  async #insertOne({ organizationId, journey, createdAt, allowance, reservation }: TrackedToStore): Promise<string> {
    const id = randomUUID();
    const { convertedMs, value, unconvertedMs } = journeyColumns(journey);
    const touches = touchColumns(journey);
    const params = [
      organizationId,
      createdAt,
      id,
      convertedMs,
      value,
      unconvertedMs,
      touches.positions,
      touches.channels,
      touches.atMs,
      touches.milestones,
      1,
      allowance.limit,
    ];
    const statement = (quota: string, quotaParams: unknown[]) =>
      pgQuery(this.orm, insertOneSql(quota), [...params, ...quotaParams]);
    try {
      await (reservation ? reservation.takeWith(params.length + 1, statement) : statement('null', []));
    } catch (error) {
      const refused = storedRoomRefusal(error);
      throw refused ? allowance.refuse(refused.stored, 1) : error;
    }
    return id;
  }

  /** Several calls of equal counter parameters in one statement; refused, it throws the counter's refusal. */
  async #insertMany(calls: readonly TrackedToStore[]): Promise<string[]> {
    const [first] = calls;
    if (!first) return [];
    const { ids, convertedMs, values, unconvertedMs, touchJourney, touches } = journeyBatchColumns(
      calls.map(({ journey }) => journey),
    );
    const createdAt = calls.map((call) => call.createdAt.toISOString());
    const params = [
      first.organizationId,
      calls.length,
      first.allowance.limit,
      ids,
      createdAt,
      convertedMs,
      values,
      unconvertedMs,
      touchJourney,
      touches.positions,
      touches.channels,
      touches.atMs,
      touches.milestones,
    ];
    const statement = (quota: string, quotaParams: unknown[]) =>
      pgQuery(this.orm, insertManySql(quota), [...params, ...quotaParams]);
    const reservations = calls.flatMap(({ reservation }) => (reservation ? [reservation] : []));
    await (reservations.length > 0 ? takeTogether(reservations, params.length + 1, statement) : statement('null', []));
    return ids;
  }
}
