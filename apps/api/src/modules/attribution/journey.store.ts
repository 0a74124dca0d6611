import { randomUUID } from 'node:crypto';
import type { Journey, PathRow } from '@aa/attribution';
import type { SqlClient } from './pg-client.js';

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

export interface ImportTotals {
  journeys: number;
  touches: number;
  conversions: number;
  value: number;
  nulls: number;
}

/** Buffers imported records and writes them in multi-row INSERTs on the caller's transaction. */
export class ImportBatchWriter {
  readonly totals: ImportTotals = { journeys: 0, touches: 0, conversions: 0, value: 0, nulls: 0 };
  private journeys: Journey[] = [];
  private paths: PathRow[] = [];

  constructor(
    private readonly client: SqlClient,
    private readonly organizationId: string,
    private readonly importedAt: Date,
  ) {}

  async addJourney(journey: Journey): Promise<void> {
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
    if (this.journeys.length > 0) await this.writeJourneys(this.journeys.splice(0));
    if (this.paths.length > 0) await this.writePaths(this.paths.splice(0));
  }

  private count(conversions: number, value: number, nulls: number, touches: number): void {
    this.totals.journeys++;
    this.totals.touches += touches;
    this.totals.conversions += conversions;
    this.totals.value += value;
    this.totals.nulls += nulls;
  }

  private async writeJourneys(journeys: Journey[]): Promise<void> {
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
    await this.client.query(INSERT_JOURNEYS, [this.organizationId, this.importedAt, ids, convertedMs, values]);
    await this.client.query(INSERT_TOUCHES, [touchJourney, positions, channels, atMs, milestones]);
  }

  private async writePaths(rows: PathRow[]): Promise<void> {
    await this.client.query(INSERT_PATHS, [
      this.organizationId,
      this.importedAt,
      rows.map((row) => row.path.join(' > ')),
      rows.map((row) => row.conversions),
      rows.map((row) => row.value),
      rows.map((row) => row.nulls),
    ]);
  }
}
