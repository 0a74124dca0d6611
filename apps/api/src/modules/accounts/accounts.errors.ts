import { DomainError, type PublicErrorCode } from '../../errors/domain-error.js';

const ACCOUNTS_ERROR_CODES = {
  INVALID_EMAIL: 'BAD_USER_INPUT',
  WEAK_PASSWORD: 'BAD_USER_INPUT',
  INVALID_ORGANIZATION_NAME: 'BAD_USER_INPUT',
  INVALID_API_KEY_NAME: 'BAD_USER_INPUT',
  EMAIL_TAKEN: 'CONFLICT',
  INVALID_CREDENTIALS: 'UNAUTHENTICATED',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_REQUESTS',
  API_KEY_NOT_FOUND: 'NOT_FOUND',
  SESSION_REQUIRED: 'FORBIDDEN',
} as const satisfies Record<string, PublicErrorCode>;

export type AccountsErrorReason = keyof typeof ACCOUNTS_ERROR_CODES;

export class AccountsError extends DomainError {
  readonly code: PublicErrorCode;
  constructor(reason: AccountsErrorReason, message: string, options?: { field?: string; details?: Record<string, unknown> }) {
    super(message, reason, options);
    this.code = ACCOUNTS_ERROR_CODES[reason];
  }
}
