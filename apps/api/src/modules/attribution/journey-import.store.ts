import type { CsvFormat } from '@aa/attribution';
import type { Orm } from '../../db/orm.js';
import { withPgTransaction, type PgClient } from '../../db/sql.js';
import { journeyWindowConditions, pathWindowConditions, type ReportWindow } from './journey-feed.store.js';
import { lockAggregatesOn, subtractJourneysOn } from './path-aggregate.store.js';

/** An import as listed: what it stored then, and how much of it is still stored. */
export interface JourneyImportData {
  id: string;
  fileName: string;
  contentSha256: string;
  format: CsvFormat;
  rows: number;
  journeys: number;
  storedJourneys: number;
  status: 'completed';
  createdAt: Date;
}

/** What a deletion removed: journeys and aggregated path rows (each counts against the allowance). */
export interface DeletedJourneys {
  journeys: number;
  pathRows: number;
}

export interface ImportToRecord {
  id: string;
  fileName: string;
  contentSha256: string;
  format: CsvFormat;
  rows: number;
  journeys: number;
  createdAt: Date;
}

export interface EarlierImport {
  id: string;
  fileName: string;
  createdAt: Date;
}

/** The outcome of taking room in the allowance: refused, it says how much was already stored. */
export type AllowanceTaken = { taken: true } | { taken: false; stored: number };

// Times as epoch milliseconds: the ORM's pool hands timestamps back as unparsed strings.
const CREATED_MS = '(extract(epoch from created_at) * 1000)::float8 as created_ms';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LISTED_IMPORTS = 100;

/**
 * Taking room is one PostgreSQL function (Migration20261203070100StoredRoomFunction), so trackJourney
 * embeds it in its one statement: the count's row is created only if the count fits and incremented
 * only while it stays within the limit, its row lock serialising concurrent writers of one
 * organization. Refused, it raises this SQLSTATE with the stored count in DETAIL, undoing the statement.
 */
export const STORED_ROOM_REFUSED = 'AAS01';

/** The call taking room for `$count` journeys of `$organization` within `$limit` (parameter numbers). */
export function storedRoomExpression(organization: number, count: number, limit: number): string {
  return `take_stored_room($${organization}::uuid, $${count}::int, $${limit}::int)`;
}

/** The stored count a refusal by storedRoomExpression carries; null for any other error. */
export function storedRoomRefusal(error: unknown): { taken: false; stored: number } | null {
  const { code, detail } = (error ?? {}) as { code?: unknown; detail?: unknown };
  return code === STORED_ROOM_REFUSED ? { taken: false, stored: Number(detail) } : null;
}

const RETURN_ALLOWANCE = `
  update stored_journey_count set stored = greatest(stored - $2::int, 0) where organization_id = $1`;

/**
 * Deletions take the count's row lock before any journey's, the order every insert takes them in
 * (the count first); the other order let a delete and a concurrent import wait on each other.
 */
const LOCK_ALLOWANCE = 'select 1 from stored_journey_count where organization_id = $1 for update';

const STORED = 'select stored from stored_journey_count where organization_id = $1';

/**
 * Takes room for `count` stored journeys within `limit`, on the caller's transaction. Refused, that
 * transaction is aborted (the function raised): the caller can only roll it back.
 */
export async function takeAllowance(
  client: PgClient,
  organizationId: string,
  count: number,
  limit: number,
): Promise<AllowanceTaken> {
  if (count === 0) return { taken: true };
  try {
    await client.query(`select ${storedRoomExpression(1, 2, 3)}`, [organizationId, count, limit]);
    return { taken: true };
  } catch (error) {
    const refused = storedRoomRefusal(error);
    if (!refused) throw error;
    return refused;
  }
}

export async function storedOn(client: PgClient, organizationId: string): Promise<number> {
  const { rows } = await client.query<{ stored: number }>(STORED, [organizationId]);
  return rows[0]?.stored ?? 0;
}

export async function findImportByContent(
  client: PgClient,
  organizationId: string,
  contentSha256: string,
): Promise<EarlierImport | null> {
  const { rows } = await client.query<{ id: string; file_name: string; created_ms: number }>(
    `select id, file_name, ${CREATED_MS} from journey_import where organization_id = $1 and content_sha256 = $2`,
    [organizationId, contentSha256],
  );
  const row = rows[0];
  return row ? { id: row.id, fileName: row.file_name, createdAt: new Date(row.created_ms) } : null;
}

export async function recordImport(client: PgClient, organizationId: string, record: ImportToRecord): Promise<void> {
  await client.query(
    `insert into journey_import (id, organization_id, file_name, content_sha256, format, rows, journeys, status, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, 'completed', $8)`,
    [
      record.id,
      organizationId,
      record.fileName,
      record.contentSha256,
      record.format,
      record.rows,
      record.journeys,
      record.createdAt,
    ],
  );
}

/** Deletes one import with its journeys and path rows and gives their room back; null for an unknown import. */
export async function deleteImportOn(
  client: PgClient,
  organizationId: string,
  importId: string,
): Promise<DeletedJourneys | null> {
  await client.query(LOCK_ALLOWANCE, [organizationId]);
  const found = await client.query('delete from journey_import where organization_id = $1 and id = $2', [
    organizationId,
    importId,
  ]);
  if (found.rowCount === 0) return null;
  const ofImport = { conditions: 'and import_id = $2', params: [importId] };
  return deleteRows(client, organizationId, ofImport, ofImport);
}

/** Extra conditions on a table's rows, with their parameters after the organization's ($1). */
interface RowFilter {
  conditions: string;
  params: unknown[];
}

const EVERY_ROW: RowFilter = { conditions: '', params: [] };

/** Touches go with their journeys (on delete cascade); the count goes down in the same transaction. */
async function deleteRows(
  client: PgClient,
  organizationId: string,
  journeys: RowFilter,
  paths: RowFilter,
): Promise<DeletedJourneys> {
  await client.query(LOCK_ALLOWANCE, [organizationId]);
  await lockAggregatesOn(client, organizationId);
  await subtractJourneysOn(client, organizationId, journeys.conditions, journeys.params);
  const deletedJourneys = await client.query(
    `delete from journey j where j.organization_id = $1 ${journeys.conditions}`,
    [organizationId, ...journeys.params],
  );
  const deletedPaths = await client.query(`delete from journey_path where organization_id = $1 ${paths.conditions}`, [
    organizationId,
    ...paths.params,
  ]);
  const deleted = { journeys: deletedJourneys.rowCount ?? 0, pathRows: deletedPaths.rowCount ?? 0 };
  await client.query(RETURN_ALLOWANCE, [organizationId, deleted.journeys + deleted.pathRows]);
  return deleted;
}

/** A window's conditions, numbered after the organization's parameter. */
function windowFilter(
  window: ReportWindow,
  conditionsOf: (window: ReportWindow, params: unknown[]) => string,
): RowFilter {
  const params: unknown[] = [null];
  const conditions = conditionsOf(window, params);
  return { conditions, params: params.slice(1) };
}

interface ImportRow {
  id: string;
  file_name: string;
  content_sha256: string;
  format: CsvFormat;
  rows: number;
  journeys: number;
  stored_journeys: number;
  created_ms: number;
}

/** Imports, their stored journeys, and the deletions an organization may make. */
export class JourneyImportStore {
  constructor(private readonly orm: Orm) {}

  /** The newest imports first, each with what it still has stored. */
  async list(organizationId: string): Promise<JourneyImportData[]> {
    return withPgTransaction(this.orm, 'snapshot read', async (client) => {
      const { rows } = await client.query<ImportRow>(
        `select i.id, i.file_name, i.content_sha256, i.format, i.rows, i.journeys, ${CREATED_MS},
           ((select count(*) from journey j where j.import_id = i.id)
             + (select count(*) from journey_path p where p.import_id = i.id))::int as stored_journeys
         from journey_import i where i.organization_id = $1
         order by i.created_at desc, i.id desc limit ${LISTED_IMPORTS}`,
        [organizationId],
      );
      return rows.map((row) => ({
        id: row.id,
        fileName: row.file_name,
        contentSha256: row.content_sha256,
        format: row.format,
        rows: row.rows,
        journeys: row.journeys,
        storedJourneys: row.stored_journeys,
        status: 'completed',
        createdAt: new Date(row.created_ms),
      }));
    });
  }

  async stored(organizationId: string): Promise<number> {
    return withPgTransaction(this.orm, 'snapshot read', (client) => storedOn(client, organizationId));
  }

  async deleteImport(organizationId: string, importId: string): Promise<DeletedJourneys | null> {
    if (!UUID_PATTERN.test(importId)) return null;
    return withPgTransaction(this.orm, 'read write', (client) => deleteImportOn(client, organizationId, importId));
  }

  /**
   * Deletes the journeys in the window by the reports' rule (a journey's conversion, or its last
   * touch; path rows by import time); imports left with nothing stored are forgotten, so their file
   * may be imported again.
   */
  async deleteInWindow(organizationId: string, window: ReportWindow): Promise<DeletedJourneys> {
    return withPgTransaction(this.orm, 'read write', async (client) => {
      const journeys = windowFilter(window, journeyWindowConditions);
      const paths = windowFilter(window, pathWindowConditions);
      const deleted = await deleteRows(client, organizationId, journeys, paths);
      await client.query(
        `delete from journey_import i where i.organization_id = $1
           and not exists (select 1 from journey j where j.import_id = i.id)
           and not exists (select 1 from journey_path p where p.import_id = i.id)`,
        [organizationId],
      );
      return deleted;
    });
  }

  async deleteAll(organizationId: string): Promise<DeletedJourneys> {
    return withPgTransaction(this.orm, 'read write', async (client) => {
      const deleted = await deleteRows(client, organizationId, EVERY_ROW, EVERY_ROW);
      await client.query('delete from journey_import where organization_id = $1', [organizationId]);
      return deleted;
    });
  }
}
