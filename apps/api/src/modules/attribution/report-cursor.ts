import { isTimeInRange } from '@aa/attribution';
import { AttributionError } from './attribution.errors.js';
import { UUID_PATTERN } from './uuid.js';

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
  // A forged cursor must fail here, not as a PostgreSQL cast or range error in the keyset query.
  if (!id || !UUID_PATTERN.test(id) || !isTimeInRange(createdAt.getTime())) {
    throw new AttributionError('INVALID_PAGE', 'after is not a cursor this API returned', { field: 'after' });
  }
  return { createdAt, id };
}
