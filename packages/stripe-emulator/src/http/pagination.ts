import { invalidParameter } from './errors.js';
import type { ListObject } from '../objects/wire.js';

interface CreatedRange {
  gt?: number | null;
  gte?: number | null;
  lt?: number | null;
  lte?: number | null;
}

export interface PageParams {
  created?: CreatedRange | null;
  limit?: number | null;
  starting_after?: string | null;
  ending_before?: string | null;
}

/** Stripe's list object over newest-first items, with `limit` (1–100, default 10) and cursors. */
export function paginate<T extends { id: string }>(all: T[], params: PageParams, url: string): ListObject<T> {
  const items = params.created ? all.filter((item) => createdWithin(item, params.created ?? {})) : all;
  const limit = params.limit ?? 10;
  if (limit < 1 || limit > 100)
    throw invalidParameter(
      'limit',
      'This value must be greater than or equal to 1 and less than or equal to 100.',
      'parameter_invalid_integer',
    );
  if (params.ending_before) {
    const end = indexOf(items, params.ending_before, 'ending_before');
    const start = Math.max(0, end - limit);
    return { object: 'list', data: items.slice(start, end), has_more: start > 0, url };
  }
  const start = params.starting_after ? indexOf(items, params.starting_after, 'starting_after') + 1 : 0;
  return { object: 'list', data: items.slice(start, start + limit), has_more: start + limit < items.length, url };
}

function indexOf<T extends { id: string }>(items: T[], id: string, param: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index === -1) throw invalidParameter(param, `Invalid ${param}: ${id} is not in this list.`, 'resource_missing');
  return index;
}

function createdWithin(item: { id: string }, range: CreatedRange): boolean {
  const created = (item as { created?: unknown }).created;
  if (typeof created !== 'number') return true;
  return (
    (range.gt == null || created > range.gt) &&
    (range.gte == null || created >= range.gte) &&
    (range.lt == null || created < range.lt) &&
    (range.lte == null || created <= range.lte)
  );
}
