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
  NO_ORGANIZATION: 'FORBIDDEN',
  UNSUPPORTED_CURRENCY: 'BAD_USER_INPUT',
  // Team management (members.service.ts, invitations.service.ts).
  SESSION_REQUIRED: 'FORBIDDEN',
  INVALID_ROLE: 'BAD_USER_INPUT',
  ROLE_NOT_ALLOWED: 'FORBIDDEN',
  ALREADY_MEMBER: 'CONFLICT',
  INVITATION_PENDING: 'CONFLICT',
  TOO_MANY_INVITATIONS: 'BAD_USER_INPUT',
  INVITATION_NOT_FOUND: 'NOT_FOUND',
  INVITATION_EXPIRED: 'CONFLICT',
  INVITATION_REVOKED: 'CONFLICT',
  INVITATION_ALREADY_ACCEPTED: 'CONFLICT',
  INVITATION_EMAIL_MISMATCH: 'FORBIDDEN',
  MEMBER_NOT_FOUND: 'NOT_FOUND',
  LAST_OWNER: 'CONFLICT',
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
