/**
 * The accounts module's one entry point: the account and API-key services, who is calling
 * (Principal, its roles) and how a request signs in (GraphQL and REST). Code outside the module
 * imports only this file (the lint rule checks it).
 */
import type { CoreDeps, ModuleDefinition } from '../module.js';
import { ACCOUNT_ENTITIES } from './accounts.entity.js';
import { AccountsResolver } from './accounts.resolver.js';
import { AccountsService } from './accounts.service.js';
import { ApiKeysResolver } from './api-keys.resolver.js';
import { ApiKeysService } from './api-keys.service.js';
import { Migration20261125000001Accounts } from './migrations/Migration20261125000001Accounts.js';
import { Migration20261202150000SignInThrottle } from './migrations/Migration20261202150000SignInThrottle.js';

export { MEMBERSHIP_ROLES, type MembershipRole } from './accounts.entity.js';
export { AccessDeniedError, requireSignedIn } from './accounts.errors.js';
export type { AccountsService } from './accounts.service.js';
export type { ApiKeysService } from './api-keys.service.js';
export { authenticateRequest } from './authenticate.js';
export { hasRole, type Principal } from './principal.js';
export { requirePrincipal } from './rest-auth.js';

export interface AccountsServices {
  accounts: AccountsService;
  apiKeys: ApiKeysService;
}

/** Its part of the registry (modules/index.ts). */
export const accountsModule: ModuleDefinition<CoreDeps, AccountsServices> = {
  name: 'accounts',
  entities: ACCOUNT_ENTITIES,
  resolvers: [AccountsResolver, ApiKeysResolver],
  migrations: [
    { name: 'Migration20261125000001Accounts', class: Migration20261125000001Accounts },
    { name: 'Migration20261202150000SignInThrottle', class: Migration20261202150000SignInThrottle },
  ],
  create: ({ orm, clock, config }) => ({
    accounts: new AccountsService(orm, clock, config.auth),
    apiKeys: new ApiKeysService(orm, clock),
  }),
};
