import type { AttributionAccumulator, Milestone, PathRow } from '@aa/attribution';
import type { Orm } from '../../db/orm.js';
import type { PendingReservation } from '../entitlements/index.js';
import { foldOn } from './path-aggregate.store.js';
import {
  feedStoredJourneys,
  feedStoredJourneysStreamed,
  summarizeWindow,
  summarizeWindowStreamed,
  type FedCounts,
  type ReportScope,
  type ReportWindow,
  type WindowSummary,
} from './journey-feed.store.js';
import { Journey as JourneyEntity, Touch as TouchEntity } from './journeys.entity.js';
import { withPgTransaction, type PgClient } from '../../db/sql.js';
import { journeyBatchColumns, type JourneyAllowance, type JourneyToStore } from './journey-rows.js';
import { TrackedJourneyWriter } from './tracked-journeys.store.js';
import {
  deleteImportOn,
  findImportByContent,
  recordImport,
  storedOn,
  takeAllowance,
  type EarlierImport,
  type ImportToRecord,
} from './journey-import.store.js';

export type { JourneyAllowance, JourneyToStore } from './journey-rows.js';

/** Rows per INSERT: large enough to amortise round trips, small enough to keep parameters modest. */
const BATCH_SIZE = 5000;
/**
 * Touches per batch too: 5,000 journeys of 1,000 touches would hold 5,000,000 at once. At 10,000 a
 * 27 MB import peaks at about 70 MB of heap (140 MB at 50,000; bench/import-memory.ts).
 */
const BATCH_TOUCHES = 10_000;

// One statement per table and batch: each column travels as one array parameter and unnest turns
// the arrays back into rows, so a batch costs one round trip whatever its size.
// Each journey is born unfolded (path-aggregate.store.ts): a row of its own, no shared row to lock.
const INSERT_JOURNEYS = `
  with stored as (
    insert into journey (id, organization_id, converted_at, value, created_at, import_id, unconverted_at)
    select id, $1, to_timestamp(converted_ms / 1000.0), value, $2, $6, to_timestamp(unconverted_ms / 1000.0)
    from unnest($3::uuid[], $4::float8[], $5::float8[], $7::float8[]) as batch(id, converted_ms, value, unconverted_ms)
    returning id
  )
  insert into journey_unfolded (journey_id, organization_id) select id, $1 from stored`;

const INSERT_TOUCHES = `
  insert into touch (id, journey_id, position, channel, at, milestone)
  select gen_random_uuid(), journey_id, position, channel, to_timestamp(at_ms / 1000.0), milestone
  from unnest($1::uuid[], $2::int[], $3::text[], $4::float8[], $5::text[]) as batch(journey_id, position, channel, at_ms, milestone)`;

const INSERT_PATHS = `
  insert into journey_path (organization_id, path, conversions, value, nulls, created_at, import_id)
  select $1, path, conversions, value, nulls, $2, $7
  from unnest($3::text[], $4::float8[], $5::float8[], $6::float8[]) as batch(path, conversions, value, nulls)`;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface StoredJourney {
  id: string;
  convertedAt: Date | null;
  value: number;
  touches: Array<{ channel: string; at: Date; milestone: Milestone | null }>;
}

export interface ImportTotals {
  journeys: number;
  touches: number;
  conversions: number;
  value: number;
  nulls: number;
}

/** One import: its id and time, what it is (known once the file was read) and how it may be refused. */
export interface ImportPlan {
  id: string;
  createdAt: Date;
  replace: boolean;
  allowance: JourneyAllowance;
  describe(): Pick<ImportToRecord, 'fileName' | 'contentSha256' | 'format' | 'rows'>;
  duplicate(earlier: EarlierImport): Error;
}

export interface ImportOutcome {
  totals: ImportTotals;
  rows: number;
  /** The earlier import of the same content that this one replaced. */
  replaced: EarlierImport | null;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const pgError = error as { code?: unknown; constraint?: unknown } | null;
  return pgError?.code === '23505' && pgError.constraint === constraint;
}

/**
 * The journey, touch and journey_path tables. One journey (trackJourney) and a whole import are
 * written by the same statements; reports stream them back (journey-feed.store.ts).
 */
export class JourneyStore {
  readonly #tracked: TrackedJourneyWriter;

  constructor(private readonly orm: Orm) {
    this.#tracked = new TrackedJourneyWriter(orm);
  }

  /** A tracked journey, stored as {@link TrackedJourneyWriter.insert} describes; returns its id. */
  insert(
    organizationId: string,
    journey: JourneyToStore,
    createdAt: Date,
    allowance: JourneyAllowance,
    reservation?: PendingReservation,
  ): Promise<string> {
    return this.#tracked.insert(organizationId, journey, createdAt, allowance, reservation);
  }

  /** Null for an unknown id or another organization's journey. */
  async find(organizationId: string, id: string): Promise<StoredJourney | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const em = this.orm.em.fork();
    const journey = await em.findOne(JourneyEntity, { id, organizationId });
    if (!journey) return null;
    const touches = await em.find(TouchEntity, { journeyId: id }, { orderBy: { position: 'asc' } });
    return {
      id: journey.id,
      convertedAt: journey.convertedAt ?? null,
      value: Number(journey.value),
      touches: touches.map(({ channel, at, milestone }) => ({ channel, at, milestone: milestone ?? null })),
    };
  }

  /**
   * A whole import in one transaction: `fill` adds records to the writer, then the import is recorded
   * by its content (the same content again is `duplicate`, unless `replace` deletes the earlier one
   * first) and its journeys take their room in the allowance. Any error stores nothing.
   */
  async importAll(
    organizationId: string,
    plan: ImportPlan,
    fill: (writer: ImportBatchWriter) => Promise<void>,
  ): Promise<ImportOutcome> {
    let outcome: ImportOutcome;
    try {
      outcome = await withPgTransaction(this.orm, 'read write', async (client) => {
        // Without a replace, nothing leaves: past the room left, the rest is only counted, not sent.
        const room = plan.replace ? Infinity : plan.allowance.limit - (await storedOn(client, organizationId));
        const writer = new ImportBatchWriter(client, organizationId, plan.createdAt, plan.id, room);
        await fill(writer);
        await writer.flush();
        const record = { ...plan.describe(), id: plan.id, createdAt: plan.createdAt, journeys: writer.totals.journeys };
        const earlier = await findImportByContent(client, organizationId, record.contentSha256);
        if (earlier && !plan.replace) throw plan.duplicate(earlier);
        if (earlier) await deleteImportOn(client, organizationId, earlier.id);
        const taken = writer.overflowed
          ? ({ taken: false, stored: await storedOn(client, organizationId) } as const)
          : await takeAllowance(client, organizationId, writer.totals.journeys, plan.allowance.limit);
        if (!taken.taken) throw plan.allowance.refuse(taken.stored, writer.totals.journeys);
        await recordImport(client, organizationId, record);
        return { totals: writer.totals, rows: record.rows, replaced: earlier };
      });
    } catch (error) {
      // The same file imported at the same moment: the unique content index lets one through.
      if (!isUniqueViolation(error, 'journey_import_organization_id_content_sha256_key')) throw error;
      const earlier = await withPgTransaction(this.orm, 'snapshot read', (client) =>
        findImportByContent(client, organizationId, plan.describe().contentSha256),
      );
      throw earlier ? plan.duplicate(earlier) : error;
    }
    // The import's journeys join the aggregates now, so the next report does not fold them. The import
    // is committed: should this fold fail, its journeys stay unfolded and the next report folds them.
    await this.fold(organizationId).catch(() => 0);
    return outcome;
  }

  /**
   * Streams the organization's journeys in `scope` (from the path aggregates, brought up to date first)
   * and its path rows into the accumulator, from one snapshot.
   */
  async feed(organizationId: string, scope: ReportScope, accumulator: AttributionAccumulator): Promise<FedCounts> {
    await this.fold(organizationId);
    return withPgTransaction(this.orm, 'snapshot read', (client) =>
      feedStoredJourneys(client, organizationId, scope, accumulator),
    );
  }

  /** The full computation over every stored journey (folded or not): the reference the aggregates must equal. */
  async feedStreamed(
    organizationId: string,
    scope: ReportScope,
    accumulator: AttributionAccumulator,
  ): Promise<FedCounts> {
    return withPgTransaction(this.orm, 'snapshot read', (client) =>
      feedStoredJourneysStreamed(client, organizationId, scope, accumulator),
    );
  }

  /** What a report over `window` would read, counted without reading it. */
  async summarize(organizationId: string, window: ReportWindow): Promise<WindowSummary> {
    await this.fold(organizationId);
    return withPgTransaction(this.orm, 'snapshot read', (client) => summarizeWindow(client, organizationId, window));
  }

  /** summarize by reading every stored journey (folded or not): the reference. */
  async summarizeStreamed(organizationId: string, window: ReportWindow): Promise<WindowSummary> {
    return withPgTransaction(this.orm, 'snapshot read', (client) =>
      summarizeWindowStreamed(client, organizationId, window),
    );
  }

  /** Folds the organization's journeys stored since the last fold into its path aggregates; returns how many rows changed. */
  async fold(organizationId: string): Promise<number> {
    return withPgTransaction(this.orm, 'read write', (client) => foldOn(client, organizationId));
  }
}

/**
 * Buffers imported records and writes them in multi-row INSERTs on the import's transaction. Past
 * `room` records it stops buffering (the import will be refused) but keeps counting, so the refusal
 * names the whole file's size.
 */
export class ImportBatchWriter {
  readonly totals: ImportTotals = { journeys: 0, touches: 0, conversions: 0, value: 0, nulls: 0 };
  private journeys: JourneyToStore[] = [];
  private bufferedTouches = 0;
  private paths: PathRow[] = [];

  constructor(
    private readonly client: PgClient,
    private readonly organizationId: string,
    private readonly importedAt: Date,
    private readonly importId: string,
    private readonly room: number,
  ) {}

  get overflowed(): boolean {
    return this.totals.journeys > this.room;
  }

  async addJourney(journey: JourneyToStore): Promise<void> {
    const converted = journey.convertedAt !== undefined;
    this.count(converted ? 1 : 0, journey.value ?? 0, converted ? 0 : 1, journey.touches.length);
    if (this.overflowed) return;
    this.journeys.push(journey);
    this.bufferedTouches += journey.touches.length;
    if (this.journeys.length >= BATCH_SIZE || this.bufferedTouches >= BATCH_TOUCHES) await this.flush();
  }

  async addPathRow(row: PathRow): Promise<void> {
    this.count(row.conversions, row.value, row.nulls, row.path.length);
    if (this.overflowed) return;
    this.paths.push(row);
    if (this.paths.length >= BATCH_SIZE) await this.flush();
  }

  async flush(): Promise<void> {
    const { client, organizationId, importedAt, importId } = this;
    this.bufferedTouches = 0;
    if (this.journeys.length > 0)
      await insertJourneys(client, organizationId, importedAt, this.journeys.splice(0), importId);
    if (this.paths.length > 0) await insertPaths(client, organizationId, importedAt, this.paths.splice(0), importId);
  }

  private count(conversions: number, value: number, nulls: number, touches: number): void {
    this.totals.journeys++;
    this.totals.touches += touches;
    this.totals.conversions += conversions;
    this.totals.value += value;
    this.totals.nulls += nulls;
  }
}

/** Returns the new journeys' ids, in order. */
async function insertJourneys(
  client: PgClient,
  organizationId: string,
  createdAt: Date,
  journeys: readonly JourneyToStore[],
  importId: string | null,
): Promise<string[]> {
  const { ids, convertedMs, values, unconvertedMs, touchJourney, touches } = journeyBatchColumns(journeys);
  await client.query(INSERT_JOURNEYS, [organizationId, createdAt, ids, convertedMs, values, importId, unconvertedMs]);
  await client.query(INSERT_TOUCHES, [
    touchJourney,
    touches.positions,
    touches.channels,
    touches.atMs,
    touches.milestones,
  ]);
  return ids;
}

async function insertPaths(
  client: PgClient,
  organizationId: string,
  importedAt: Date,
  rows: readonly PathRow[],
  importId: string,
): Promise<void> {
  await client.query(INSERT_PATHS, [
    organizationId,
    importedAt,
    rows.map((row) => row.path.join(' > ')),
    rows.map((row) => row.conversions),
    rows.map((row) => row.value),
    rows.map((row) => row.nulls),
    importId,
  ]);
}
