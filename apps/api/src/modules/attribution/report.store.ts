import { randomUUID } from 'node:crypto';
import type { AttributionModelId, ChannelCredit, CreditAmount } from '@aa/attribution';
import type { Orm } from '../../db/orm.js';
import { sql, sqlOne } from '../../db/sql.js';
import { AttributionError } from './attribution.errors.js';
import { decodeReportCursor, encodeReportCursor } from './report-cursor.js';

export interface ModelReportData {
  model: AttributionModelId;
  channels: ChannelCredit[];
  unattributed: CreditAmount;
  totals: CreditAmount;
}

export interface AttributionReportData {
  id: string;
  models: AttributionModelId[];
  from: Date | null;
  to: Date | null;
  lookbackDays: number;
  journeyCount: number;
  pathRowCount: number;
  credits: ModelReportData[];
  durationMs: number;
  createdAt: Date;
}

export interface ReportPage {
  edges: Array<{ cursor: string; node: AttributionReportData }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const MAX_PAGE_SIZE = 100;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Times as epoch milliseconds: the ORM's driver hands timestamps back as unparsed strings.
const epochMs = (column: string) => `round(extract(epoch from ${column}) * 1000)::float8 as ${column}_ms`;
const COLUMNS = [
  'id, models, lookback_days, journey_count, path_row_count, credits, duration_ms',
  epochMs('window_from'),
  epochMs('window_to'),
  epochMs('created_at'),
].join(', ');

interface ReportRow {
  id: string;
  models: string[];
  window_from_ms: number | null;
  window_to_ms: number | null;
  lookback_days: number;
  journey_count: number;
  path_row_count: number;
  credits: ModelReportData[] | string;
  duration_ms: number;
  created_at_ms: number;
}

/** Stored reports, always scoped to one organization. */
export class ReportStore {
  constructor(private readonly orm: Orm) {}

  async insert(organizationId: string, report: Omit<AttributionReportData, 'id'>): Promise<AttributionReportData> {
    const id = randomUUID();
    await sql(
      this.orm,
      `insert into attribution_report (id, organization_id, models, window_from, window_to, lookback_days, journey_count, path_row_count, credits, duration_ms, created_at)
       values (?, ?, ?::text[], ?, ?, ?, ?, ?, ?::jsonb, ?, ?)`,
      [
        id,
        organizationId,
        `{${report.models.join(',')}}`,
        report.from,
        report.to,
        report.lookbackDays,
        report.journeyCount,
        report.pathRowCount,
        JSON.stringify(report.credits),
        report.durationMs,
        report.createdAt,
      ],
    );
    return { id, ...report };
  }

  /** Null for an unknown id or another organization's report: the two are indistinguishable. */
  async find(organizationId: string, id: string): Promise<AttributionReportData | null> {
    if (!UUID_PATTERN.test(id)) return null;
    const row = await sqlOne<ReportRow>(
      this.orm,
      `select ${COLUMNS} from attribution_report where organization_id = ? and id = ?`,
      [organizationId, id],
    );
    return row ? toReport(row) : null;
  }

  /** Newest first; `after` is the cursor of the last edge already seen. */
  async list(organizationId: string, first: number, after: string | null): Promise<ReportPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw new AttributionError('INVALID_PAGE', `first must be between 1 and ${MAX_PAGE_SIZE}`, { field: 'first' });
    }
    const params: unknown[] = [organizationId];
    let keyset = '';
    if (after) {
      const cursor = decodeReportCursor(after);
      keyset = 'and (created_at, id) < (?, ?)';
      params.push(cursor.createdAt, cursor.id);
    }
    params.push(first + 1);
    const rows = await sql<ReportRow>(
      this.orm,
      `select ${COLUMNS} from attribution_report where organization_id = ? ${keyset} order by created_at desc, id desc limit ?`,
      params,
    );
    const edges = rows
      .slice(0, first)
      .map(toReport)
      .map((node) => ({ cursor: encodeReportCursor(node), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

function toReport(row: ReportRow): AttributionReportData {
  return {
    id: row.id,
    models: row.models as AttributionModelId[],
    from: row.window_from_ms === null ? null : new Date(row.window_from_ms),
    to: row.window_to_ms === null ? null : new Date(row.window_to_ms),
    lookbackDays: row.lookback_days,
    journeyCount: row.journey_count,
    pathRowCount: row.path_row_count,
    credits: typeof row.credits === 'string' ? (JSON.parse(row.credits) as ModelReportData[]) : row.credits,
    durationMs: row.duration_ms,
    createdAt: new Date(row.created_at_ms),
  };
}
