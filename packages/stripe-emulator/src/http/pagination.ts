import { invalidParameter } from './errors.js';
import type { ListObject } from '../objects/wire.js';

export interface PageParams {
  limit?: number | null;
  starting_after?: string | null;
  ending_before?: string | null;
}

/** Stripe's list object over newest-first items, with `limit` (1–100, default 10) and cursors. */
export function paginate<T extends { id: string }>(items: T[], params: PageParams, url: string): ListObject<T> {
  const limit = params.limit ?? 10;
  if (limit < 1 || limit > 100) throw invalidParameter('limit', 'This value must be greater than or equal to 1 and less than or equal to 100.', 'parameter_invalid_integer');
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
