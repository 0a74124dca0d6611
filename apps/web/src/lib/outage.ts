import { ServerError, ServerParseError } from '@apollo/client';

/**
 * True when the API could not answer at all: the request never reached it (fetch's TypeError), or a
 * proxy in front of it answered 5xx or an HTML error page. A GraphQL error is an answer, not an outage.
 */
export function isOutage(error: unknown): boolean {
  if (ServerError.is(error)) return error.statusCode >= 500;
  if (ServerParseError.is(error)) return true;
  return error instanceof TypeError;
}
