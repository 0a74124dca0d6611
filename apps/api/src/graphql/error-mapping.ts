import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, publicErrorFields } from '../errors/domain-error.js';

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/** Errors the client may see as they are: our domain errors and GraphQL's own (syntax, validation, input coercion). */
export function isExpectedError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  return original instanceof DomainError || original instanceof GraphQLError;
}

/**
 * The one translation from errors to what clients see: a domain error becomes its message and
 * `extensions.code` (+ reason, field, details); GraphQL's own errors pass through; anything else is
 * masked (it is logged with the request id by the error-reporting plugin).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (original instanceof DomainError) {
    return {
      message: original.message,
      ...where,
      extensions: publicErrorFields(original),
    };
  }
  if (original instanceof GraphQLError) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    // graphql-js's own request errors that Apollo gives no code, e.g. its cap on variable errors
    // ("Too many errors processing variables"), are the client's input, not a server failure.
    if (extensions.code === 'INTERNAL_SERVER_ERROR' && !formatted.path && !original.originalError) {
      return { ...formatted, extensions: { ...extensions, code: 'BAD_USER_INPUT' } };
    }
    return { ...formatted, extensions };
  }
  return { message: INTERNAL_ERROR_MESSAGE, ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
