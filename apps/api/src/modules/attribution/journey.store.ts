import { randomUUID } from 'node:crypto';
import type { AttributionAccumulator, Milestone, PathRow } from '@aa/attribution';
import type { Orm } from '../../db/orm.js';
import { feedStoredJourneys, type FedCounts, type ReportScope } from './journey-feed.store.js';
import { Journey as JourneyEntity, Touch as TouchEntity } from './journeys.entity.js';
import { withTransaction, type SqlClient } from './pg-client.js';

/** Rows per INSERT: large enough to amortise round trips, small enough to keep parameters modest. */
const BATCH_SIZE = 5000;

// One statement per table and batch: each column travels as one array parameter and unnest turns
// the arrays back into rows, so a batch costs one round trip whatever its size.
const INSERT_JOURNEYS = `
  insert into journey (id, organization_id, converted_at, value, created_at)
  select id, $1, to_timestamp(converted_ms / 1000.0), value, $2
  from unnest($3::uuid[], $4::float8[], $5::float8[]) as batch(id, converted_ms, value)`;

const INSERT_TOUCHES = `
  insert into touch (id, journey_id, position, channel, at, milestone)
  select gen_random_uuid(), journey_id, position, channel, to_timestamp(at_ms / 1000.0), milestone
  from unnest($1::uuid[], $2::int[], $3::text[], $4::float8[], $5::text[]) as batch(journey_id, position, channel, at_ms, milestone)`;

const INSERT_PATHS = `
  insert into journey_path (organization_id, path, conversions, value, nulls, created_at)
  select $1, path, conversions, value, nulls, $2
  from unnest($3::text[], $4::float8[], $5::float8[], $6::float8[]) as batch(path, conversions, value, nulls)`;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A journey as both transports hand it over: tracked (checked, with Dates) or imported (the engine's). */
export interface JourneyToStore {
  touches: ReadonlyArray<{ channel: string; at?: Date | number; milestone?: Milestone | null }>;
  convertedAt?: Date | number;
  value?: number;
}

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

/**
 * The journey, touch and journey_path tables. One journey (trackJourney) and a whole import are
 * written by the same statements; reports stream them back (journey-feed.store.ts).
 */
export class JourneyStore {
  constructor(private readonly orm: Orm) {}

  /** Stores one journey and its touches in one transaction; returns the journey's id. */
  async insert(organizationId: string, journey: JourneyToStore, createdAt: Date): Promise<string> {
    const [id] = await withTransaction(this.orm, 'read write', (client) =>
      insertJourneys(client, organizationId, createdAt, [journey]),
    );
    return id!;
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

  /** A whole import in one transaction: `fill` adds records to the writer; any error stores nothing. */
  async importAll(
    organizationId: string,
    importedAt: Date,
    fill: (writer: ImportBatchWriter) => Promise<void>,
  ): Promise<ImportTotals> {
    return withTransaction(this.orm, 'read write', async (client) => {
      const writer = new ImportBatchWriter(client, organizationId, importedAt);
      await fill(writer);
      await writer.flush();
      return writer.totals;
    });
  }

  /** Streams the organization's journeys and path rows in `scope` into the accumulator, from one snapshot. */
  async feed(organizationId: string, scope: ReportScope, accumulator: AttributionAccumulator): Promise<FedCounts> {
    return withTransaction(this.orm, 'snapshot read', (client) =>
      feedStoredJourneys(client, organizationId, scope, accumulator),
    );
  }
}

/** Buffers imported records and writes them in multi-row INSERTs on the import's transaction. */
export class ImportBatchWriter {
  readonly totals: ImportTotals = { journeys: 0, touches: 0, conversions: 0, value: 0, nulls: 0 };
  private journeys: JourneyToStore[] = [];
  private paths: PathRow[] = [];

  constructor(
    private readonly client: SqlClient,
    private readonly organizationId: string,
    private readonly importedAt: Date,
  ) {}

  async addJourney(journey: JourneyToStore): Promise<void> {
    this.journeys.push(journey);
    const converted = journey.convertedAt !== undefined;
    this.count(converted ? 1 : 0, journey.value ?? 0, converted ? 0 : 1, journey.touches.length);
    if (this.journeys.length >= BATCH_SIZE) await this.flush();
  }

  async addPathRow(row: PathRow): Promise<void> {
    this.paths.push(row);
    this.count(row.conversions, row.value, row.nulls, row.path.length);
    if (this.paths.length >= BATCH_SIZE) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.journeys.length > 0)
      await insertJourneys(this.client, this.organizationId, this.importedAt, this.journeys.splice(0));
    if (this.paths.length > 0)
      await insertPaths(this.client, this.organizationId, this.importedAt, this.paths.splice(0));
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
  client: SqlClient,
  organizationId: string,
  createdAt: Date,
  journeys: readonly JourneyToStore[],
): Promise<string[]> {
  const ids: string[] = [];
  const convertedMs: Array<number | null> = [];
  const values: number[] = [];
  const touchJourney: string[] = [];
  const positions: number[] = [];
  const channels: string[] = [];
  const atMs: number[] = [];
  const milestones: Array<string | null> = [];
  for (const journey of journeys) {
    const id = randomUUID();
    ids.push(id);
    convertedMs.push(journey.convertedAt === undefined ? null : Number(journey.convertedAt));
    values.push(journey.value ?? 0);
    journey.touches.forEach((touch, position) => {
      touchJourney.push(id);
      positions.push(position);
      channels.push(touch.channel);
      atMs.push(Number(touch.at));
      milestones.push(touch.milestone ?? null);
    });
  }
  await client.query(INSERT_JOURNEYS, [organizationId, createdAt, ids, convertedMs, values]);
  await client.query(INSERT_TOUCHES, [touchJourney, positions, channels, atMs, milestones]);
  return ids;
}

async function insertPaths(
  client: SqlClient,
  organizationId: string,
  importedAt: Date,
  rows: readonly PathRow[],
): Promise<void> {
  await client.query(INSERT_PATHS, [
    organizationId,
    importedAt,
    rows.map((row) => row.path.join(' > ')),
    rows.map((row) => row.conversions),
    rows.map((row) => row.value),
    rows.map((row) => row.nulls),
  ]);
}
