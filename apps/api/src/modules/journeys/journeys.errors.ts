import { DomainError, type PublicErrorCode } from '../../errors/domain-error.js';

const JOURNEYS_ERROR_CODES = {
  EMPTY_TOUCHES: 'BAD_USER_INPUT',
  TOO_MANY_TOUCHES: 'BAD_USER_INPUT',
  INVALID_CHANNEL: 'BAD_USER_INPUT',
  TOUCH_AFTER_CONVERSION: 'BAD_USER_INPUT',
  INVALID_VALUE: 'BAD_USER_INPUT',
  INVALID_JOURNEY: 'BAD_USER_INPUT',
} as const satisfies Record<string, PublicErrorCode>;

export type JourneysErrorReason = keyof typeof JOURNEYS_ERROR_CODES;

export class JourneysError extends DomainError {
  readonly code: PublicErrorCode;
  constructor(reason: JourneysErrorReason, message: string, field: string) {
    super(message, reason, { field });
    this.code = JOURNEYS_ERROR_CODES[reason];
  }
}
