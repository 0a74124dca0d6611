import { DomainError, type PublicErrorCode } from '../../errors/domain-error.js';

const BILLING_ERROR_CODES = {
  BILLING_PROVIDER_UNAVAILABLE: 'BILLING_PROVIDER_UNAVAILABLE',
  NOT_A_PAID_PLAN: 'BAD_USER_INPUT',
  ADMIN_SESSION_REQUIRED: 'FORBIDDEN',
  ALREADY_SUBSCRIBED: 'CONFLICT',
  ALREADY_ON_PLAN: 'CONFLICT',
  NO_SUBSCRIPTION: 'NOT_FOUND',
  NO_BILLING_CUSTOMER: 'NOT_FOUND',
  WEBHOOK_EVENT_NOT_FOUND: 'NOT_FOUND',
  WEBHOOK_EVENT_NOT_FAILED: 'CONFLICT',
} as const satisfies Record<string, PublicErrorCode>;

export type BillingErrorReason = keyof typeof BILLING_ERROR_CODES;

export class BillingError extends DomainError {
  readonly code: PublicErrorCode;
  constructor(reason: BillingErrorReason, message: string, options?: { field?: string; details?: Record<string, unknown> }) {
    super(message, reason, options);
    this.code = BILLING_ERROR_CODES[reason];
  }
}

export function billingProviderUnavailable(): BillingError {
  return new BillingError(
    'BILLING_PROVIDER_UNAVAILABLE',
    'The payment provider cannot be reached right now; nothing was changed. Please try again in a few minutes.',
  );
}
