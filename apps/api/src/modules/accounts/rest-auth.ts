import type { Request } from 'express';
import { requireSignedIn } from './accounts.errors.js';
import type { AccountsService } from './accounts.service.js';
import type { ApiKeysService } from './api-keys.service.js';
import { authenticateRequest } from './authenticate.js';
import type { Principal } from './principal.js';

/** A REST route's caller: the API key or session GraphQL accepts; neither is UNAUTHENTICATED, as in GraphQL. */
export async function requirePrincipal(
  req: Request,
  services: { accounts: AccountsService; apiKeys: ApiKeysService },
): Promise<Principal> {
  const principal = await authenticateRequest(req, services);
  if (!principal) throw requireSignedIn();
  return principal;
}
