import { DomainError, domainErrorType } from '../../errors/domain-error.js';

export class AccountsError extends domainErrorType({
  INVALID_EMAIL: 'BAD_USER_INPUT',
  WEAK_PASSWORD: 'BAD_USER_INPUT',
  INVALID_ORGANIZATION_NAME: 'BAD_USER_INPUT',
  INVALID_API_KEY_NAME: 'BAD_USER_INPUT',
  EMAIL_TAKEN: 'CONFLICT',
  INVALID_CREDENTIALS: 'UNAUTHENTICATED',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_REQUESTS',
  API_KEY_NOT_FOUND: 'NOT_FOUND',
}) {}

/** A caller without a principal, or without the role a field or route needs (GraphQL and REST alike). */
export class AccessDeniedError extends DomainError {
  constructor(
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN',
    message: string,
  ) {
    super(message, code);
  }
}

export function requireSignedIn(): AccessDeniedError {
  return new AccessDeniedError('UNAUTHENTICATED', 'Sign in or send an API key (Authorization: Bearer <key>)');
}
