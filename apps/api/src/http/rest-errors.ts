import type { Request, Response } from 'express';
import { DomainError, publicErrorFields, type PublicErrorCode } from '../errors/domain-error.js';

/**
 * The HTTP status of every public error code. Typed over all of them: a new code does not compile
 * until it has a status here, so none falls back to a default.
 */
export const HTTP_STATUS_OF_CODE: Readonly<Record<PublicErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  PLAN_LIMIT_EXCEEDED: 402,
  JOURNEY_ALLOWANCE_EXCEEDED: 402,
  FEATURE_NOT_IN_PLAN: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  RATE_LIMITED: 429,
  BILLING_PROVIDER_UNAVAILABLE: 503,
  BILLING_PORTAL_UNAVAILABLE: 503,
};

export interface RestErrorBody {
  error: { message: string } & Record<string, unknown>;
}

/** A domain error over REST: its message and the fields GraphQL puts in `extensions` (code, reason, field, details). */
export function restErrorBody(error: DomainError): RestErrorBody {
  return { error: { message: error.message, ...publicErrorFields(error) } };
}

/**
 * Runs a REST handler. A domain error answers its status and body; anything else is logged and
 * masked, as GraphQL masks it.
 */
export async function answerErrors(req: Request, res: Response, handle: () => Promise<void>): Promise<void> {
  try {
    await handle();
  } catch (error) {
    if (res.headersSent) {
      req.log.error({ err: error }, 'response failed after it started');
      res.destroy();
      return;
    }
    if (error instanceof DomainError) {
      // An upload refused half-way: discard the rest as it arrives, so the client finishes sending
      // and reads this answer (closing the socket under it would surface as a connection reset).
      if (req.readable) req.resume();
      res.status(HTTP_STATUS_OF_CODE[error.code]).json(restErrorBody(error));
      return;
    }
    req.log.error({ err: error }, 'REST route failed');
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
  }
}
