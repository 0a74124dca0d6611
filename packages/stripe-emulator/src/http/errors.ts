export type StripeErrorType = 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error';

interface StripeErrorDetails {
  code?: string;
  param?: string;
  decline_code?: string;
  payment_method?: { id: string; object: 'payment_method' };
}

/** An error in Stripe's wire shape: `{ error: { type, code, param, message } }` with Stripe's HTTP status. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly details: StripeErrorDetails = {},
  ) {
    super(message);
    this.name = 'StripeApiError';
  }

  toBody(requestId: string): { error: Record<string, unknown> } {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...this.details,
        ...(this.details.code
          ? { doc_url: `https://stripe.com/docs/error-codes/${this.details.code.replaceAll('_', '-')}` }
          : {}),
        request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}`,
      },
    };
  }
}

export function unknownParameter(param: string): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', `Received unknown parameter: ${param}`, {
    code: 'parameter_unknown',
    param,
  });
}

export function missingParameter(param: string): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', `Missing required param: ${param}.`, {
    code: 'parameter_missing',
    param,
  });
}

export function invalidParameter(param: string, message: string, code = 'parameter_invalid_string'): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', message, { code, param });
}

/** `existsIn`: the object exists, but in the other mode than the key's (Stripe says so). */
export function resourceMissing(
  resource: string,
  id: string,
  param = 'id',
  existsIn: 'live' | 'test' | null = null,
): StripeApiError {
  const otherMode = existsIn === 'live' ? 'test' : 'live';
  const hint = existsIn
    ? `; a similar object exists in ${existsIn} mode, but a ${otherMode} mode key was used to make this request.`
    : '';
  return new StripeApiError(404, 'invalid_request_error', `No such ${resource}: '${id}'${hint}`, {
    code: 'resource_missing',
    param,
  });
}

export function invalidState(message: string, param?: string): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', message, param ? { param } : {});
}

export function cardDeclined(paymentMethodId: string | null, declineCode = 'generic_decline'): StripeApiError {
  return new StripeApiError(402, 'card_error', 'Your card was declined.', {
    code: 'card_declined',
    decline_code: declineCode,
    ...(paymentMethodId ? { payment_method: { id: paymentMethodId, object: 'payment_method' as const } } : {}),
  });
}
