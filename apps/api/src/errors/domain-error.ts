/** The codes clients see in `extensions.code` (DESIGN.md); the GraphQL and HTTP edges map to these. */
export type PublicErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'RATE_LIMITED'
  | 'PLAN_LIMIT_EXCEEDED'
  | 'JOURNEY_ALLOWANCE_EXCEEDED'
  | 'FEATURE_NOT_IN_PLAN'
  | 'BILLING_PROVIDER_UNAVAILABLE'
  | 'BILLING_PORTAL_UNAVAILABLE';

/**
 * Base of every module's error type. `code` is the public category, `reason` the module's own
 * precise code (e.g. EMAIL_TAKEN), `field` the input field at fault, `details` extra public data.
 * Only instances of this class reach clients with their message; anything else is masked.
 */
export interface DomainErrorOptions {
  field?: string;
  details?: Record<string, unknown>;
}

export abstract class DomainError extends Error {
  abstract readonly code: PublicErrorCode;
  constructor(
    message: string,
    readonly reason: string,
    readonly options: DomainErrorOptions = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A module's error type from its table of reasons → public codes:
 * `export class AccountsError extends domainErrorType({ EMAIL_TAKEN: 'CONFLICT', … }) {}`.
 */
export function domainErrorType<const Codes extends Record<string, PublicErrorCode>>(codes: Codes) {
  return class extends DomainError {
    readonly code: PublicErrorCode;
    constructor(reason: keyof Codes & string, message: string, options?: DomainErrorOptions) {
      super(message, reason, options);
      this.code = codes[reason] as Codes[keyof Codes];
    }
  };
}

/**
 * What clients read of a domain error besides its message, in the same shape on both edges:
 * GraphQL's `extensions` and the REST body's `error` (code, reason, field, then details).
 */
export function publicErrorFields(error: DomainError): Record<string, unknown> {
  return {
    code: error.code,
    reason: error.reason,
    ...(error.options.field === undefined ? {} : { field: error.options.field }),
    ...error.options.details,
  };
}
