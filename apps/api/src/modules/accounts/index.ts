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
import { Migration20261202170100Invitations } from './migrations/Migration20261202170100Invitations.js';
import { InvitationsService } from './invitations.service.js';
import { MembersService } from './members.service.js';
import { TeamResolver } from './team.resolver.js';
import type { MailService } from '../mail/index.js';

export { MEMBERSHIP_ROLES, type MembershipRole } from './accounts.entity.js';
export { AccessDeniedError, requireSignedIn } from './accounts.errors.js';
export type { AccountsService } from './accounts.service.js';
export type { ApiKeysService } from './api-keys.service.js';
export type { InvitationsService } from './invitations.service.js';
export type { MembersService } from './members.service.js';
export { authenticateRequest } from './authenticate.js';
export { hasRole, type Principal } from './principal.js';
export { requirePrincipal } from './rest-auth.js';

export interface AccountsServices {
  accounts: AccountsService;
  apiKeys: ApiKeysService;
  members: MembersService;
  invitations: InvitationsService;
}

/** Its part of the registry (modules/index.ts). */
export const accountsModule: ModuleDefinition<CoreDeps & { mail: MailService }, AccountsServices> = {
  name: 'accounts',
  entities: ACCOUNT_ENTITIES,
  resolvers: [AccountsResolver, ApiKeysResolver, TeamResolver],
  migrations: [
    { name: 'Migration20261125000001Accounts', class: Migration20261125000001Accounts },
    { name: 'Migration20261202150000SignInThrottle', class: Migration20261202150000SignInThrottle },
    { name: 'Migration20261202170100Invitations', class: Migration20261202170100Invitations },
  ],
  create: ({ orm, clock, config, mail }) => {
    const accounts = new AccountsService(orm, clock, config.auth);
    return {
      accounts,
      apiKeys: new ApiKeysService(orm, clock),
      members: new MembersService(orm, clock),
      invitations: new InvitationsService(orm, clock, config.auth, mail, config.server.publicUrl, accounts),
    };
  },
};
