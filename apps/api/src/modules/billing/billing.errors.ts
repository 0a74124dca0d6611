import { domainErrorType } from '../../errors/domain-error.js';

export class BillingError extends domainErrorType({
  BILLING_PROVIDER_UNAVAILABLE: 'BILLING_PROVIDER_UNAVAILABLE',
  BILLING_PORTAL_UNAVAILABLE: 'BILLING_PORTAL_UNAVAILABLE',
  NOT_A_PAID_PLAN: 'BAD_USER_INPUT',
  INVALID_CURSOR: 'BAD_USER_INPUT',
  ADMIN_SESSION_REQUIRED: 'FORBIDDEN',
  OPERATOR_ONLY: 'FORBIDDEN',
  ALREADY_SUBSCRIBED: 'CONFLICT',
  ALREADY_ON_PLAN: 'CONFLICT',
  NO_SCHEDULED_CHANGE: 'CONFLICT',
  PAYMENT_NEEDED: 'CONFLICT',
  NO_SUBSCRIPTION: 'NOT_FOUND',
  NO_BILLING_CUSTOMER: 'NOT_FOUND',
  WEBHOOK_EVENT_NOT_FOUND: 'NOT_FOUND',
  WEBHOOK_EVENT_NOT_FAILED: 'CONFLICT',
}) {}

export function billingProviderUnavailable(): BillingError {
  return new BillingError(
    'BILLING_PROVIDER_UNAVAILABLE',
    'The payment provider cannot be reached right now; nothing was changed. Please try again in a few minutes.',
  );
}
