import type { Request, Response } from 'express';
import type { Principal } from '../modules/accounts/index.js';
import type { EntitlementsReader } from '../modules/entitlements/index.js';
import type { Logger } from '../observability/logger.js';
import type { Services } from '../services.js';

export interface GraphQLContext {
  requestId: string;
  log: Logger;
  /** Null for anonymous callers; resolvers guarded by @Authorized never see null. */
  principal: Principal | null;
  services: Services;
  /** The organizations' plans as this request sees them: looked up on first read, then shared. */
  entitlements: EntitlementsReader;
  /** For cookies: sign-in sets the session cookie, sign-out clears it. */
  req: Request;
  res: Response;
}

/** The principal of a field guarded by @Authorized (the auth checker has already refused null). */
export function principalOf(context: GraphQLContext): Principal {
  if (!context.principal) throw new Error('principalOf() used on a field without @Authorized');
  return context.principal;
}
