import type { Request } from 'express';
import type { AccountsService } from './accounts.service.js';
import type { ApiKeysService } from './api-keys.service.js';
import type { Principal } from './principal.js';
import { readSessionCookie } from './session-cookie.js';

// What randomSecret() makes: an API key is `aa_` + 6 bytes + `_` + 32 bytes, a session token 32 bytes (base64url).
const API_KEY_FORMAT = /^aa_[\w-]{8}_[\w-]{43}$/;
const SESSION_TOKEN_FORMAT = /^[\w-]{43}$/;

const ANONYMOUS: Promise<Principal | null> = Promise.resolve(null);

// The rate limiter authenticates a call before GraphQL or a REST route does: one lookup per request.
const principals = new WeakMap<Request, Promise<Principal | null>>();

/**
 * An API key in `Authorization: Bearer` wins over a session cookie; neither means anonymous. A token
 * that cannot be one of ours is anonymous without a database query.
 */
export function authenticateRequest(
  req: Request,
  services: { accounts: AccountsService; apiKeys: ApiKeysService },
): Promise<Principal | null> {
  // No credential at all, as most anonymous calls come: nothing to look up or to remember.
  if (req.headers.authorization === undefined && req.headers.cookie === undefined) return ANONYMOUS;
  let principal = principals.get(req);
  if (!principal) {
    principal = lookUp(req, services);
    principals.set(req, principal);
  }
  return principal;
}

async function lookUp(
  req: Request,
  services: { accounts: AccountsService; apiKeys: ApiKeysService },
): Promise<Principal | null> {
  const authorization = req.headers.authorization;
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    return token && API_KEY_FORMAT.test(token) ? services.apiKeys.authenticate(token) : null;
  }
  const token = readSessionCookie(req);
  return token && SESSION_TOKEN_FORMAT.test(token) ? services.accounts.authenticateSession(token) : null;
}
