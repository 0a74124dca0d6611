import type { Request } from 'express';
import type { AccountsService } from './accounts.service.js';
import type { ApiKeysService } from './api-keys.service.js';
import type { Principal } from './principal.js';
import { readSessionCookie } from './session-cookie.js';

/** An API key in `Authorization: Bearer` wins over a session cookie; neither means anonymous. */
export async function authenticateRequest(
  req: Request,
  services: { accounts: AccountsService; apiKeys: ApiKeysService },
): Promise<Principal | null> {
  const authorization = req.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match?.[1] ? services.apiKeys.authenticate(match[1]) : null;
  }
  const token = readSessionCookie(req);
  return token ? services.accounts.authenticateSession(token) : null;
}
