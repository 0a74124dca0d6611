import type { BillingContext } from '../billing/context.js';
import { arr, int, obj, parseParams, str, type Params, type Schema } from './params.js';
import type { FormObject } from './form-decoding.js';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface RouteContext {
  billing: BillingContext;
  path: Record<string, string>;
}

export interface ApiRoute {
  method: HttpMethod;
  pattern: string;
  /** Parses and validates the decoded body or query, then does the work; returns the response object. */
  run(input: FormObject, ctx: RouteContext): unknown;
}

/** Every Stripe endpoint accepts `expand[]`. */
const expandParam = { expand: arr(str()) } as const;

export function route<const S extends Schema>(
  method: HttpMethod,
  pattern: string,
  schema: S,
  handle: (params: Params<S & typeof expandParam>, ctx: RouteContext) => unknown,
): ApiRoute {
  const fullSchema = { ...schema, ...expandParam } as S & typeof expandParam;
  return { method, pattern, run: (input, ctx) => handle(parseParams(fullSchema, input), ctx) };
}

/** Stripe's cursor pagination and `created` range, accepted by every list endpoint. */
export const listParams = {
  limit: int(),
  starting_after: str(),
  ending_before: str(),
  created: obj({ gt: int(), gte: int(), lt: int(), lte: int() }),
} as const;

export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split('/');
  const pathParts = path.split('/');
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < patternParts.length; i += 1) {
    const expected = patternParts[i] ?? '';
    const actual = decodeURIComponent(pathParts[i] ?? '');
    if (expected.startsWith(':')) {
      if (actual === '') return null;
      params[expected.slice(1)] = actual;
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}

/** The path parameter a pattern declared (always present once the route matched). */
export function pathParam(ctx: RouteContext, name: string): string {
  return ctx.path[name] ?? '';
}
