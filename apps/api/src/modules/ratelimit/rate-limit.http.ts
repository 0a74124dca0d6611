import type { Request, RequestHandler, Response } from 'express';
import { publicErrorFields } from '../../errors/domain-error.js';
import { clientAddress } from '../../http/client-address.js';
import { restErrorBody } from '../../http/rest-errors.js';
import { RateLimitError } from './rate-limit.errors.js';
import type { Caller, RateLimitDecision, RateLimitService } from './rate-limit.service.js';

/**
 * The IETF headers (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy` lists each bucket the
 * request took from (q: capacity, w: seconds to refill it whole), `RateLimit` what is left of each
 * (r: requests, t: seconds until full). Appended, so a sign-in shows its own bucket beside the call's.
 */
function writeHeaders(res: Response, decision: RateLimitDecision): void {
  let policies = '';
  let left = '';
  for (const bucket of decision.buckets) {
    const separator = policies ? ', ' : '';
    policies += `${separator}"${bucket.policy}";q=${bucket.capacity};w=${bucket.windowSeconds}`;
    left += `${separator}"${bucket.policy}";r=${bucket.remaining};t=${bucket.resetSeconds}`;
  }
  appendHeader(res, 'RateLimit-Policy', policies);
  appendHeader(res, 'RateLimit', left);
  if (decision.refused) res.setHeader('Retry-After', String(decision.refused.retryAfterSeconds));
}

function appendHeader(res: Response, name: string, items: string): void {
  const before = res.getHeader(name);
  res.setHeader(name, before ? `${String(before)}, ${items}` : items);
}

/** Writes the headers; a refused request throws RATE_LIMITED (GraphQL answers it with HTTP 429). */
export function enforceRateLimit(res: Response, decision: RateLimitDecision): void {
  writeHeaders(res, decision);
  if (decision.refused) throw new RateLimitError(decision.refused.policy, decision.refused.retryAfterSeconds);
}

/**
 * Before any body is read: every API call takes from its caller's buckets, and an empty one answers
 * 429 in the route's error shape (GraphQL's `errors`, or the REST body). `authenticate` is the
 * accounts module's, memoized per request, so the call is not authenticated twice.
 */
export function rateLimitCalls(
  limits: RateLimitService,
  authenticate: (req: Request) => Promise<Caller>,
): RequestHandler {
  return async (req, res, next) => {
    try {
      const decision = await limits.takeForCall(await authenticate(req), clientAddress(req));
      enforceRateLimit(res, decision);
      next();
    } catch (error) {
      if (!(error instanceof RateLimitError)) {
        next(error);
        return;
      }
      // Discard the body as it arrives, so the client finishes sending and reads the answer.
      req.resume();
      const graphql = req.originalUrl.startsWith('/graphql');
      res
        .status(429)
        .json(
          graphql
            ? { errors: [{ message: error.message, extensions: publicErrorFields(error) }] }
            : restErrorBody(error),
        );
    }
  };
}
