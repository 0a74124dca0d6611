import { AttributionError } from './attribution.errors.js';

export interface ReportCursor {
  createdAt: Date;
  id: string;
}

/** Opaque to clients: the keyset (created_at, id) of an edge, base64url-encoded. */
export function encodeReportCursor({ createdAt, id }: ReportCursor): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

export function decodeReportCursor(cursor: string): ReportCursor {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new AttributionError('INVALID_PAGE', 'after is not a cursor this API returned', { field: 'after' });
  }
  return { createdAt, id };
}
