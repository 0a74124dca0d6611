import type { MembershipRole } from './accounts.entity.js';
import { AccountsError } from './accounts.errors.js';
import type { Principal } from './principal.js';

export type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

/** Team management acts as a person: an API key (MEMBER rights, no user) never invites or removes anyone. */
export function requireSession(principal: Principal): SessionPrincipal {
  if (principal.kind !== 'session') {
    throw new AccountsError('SESSION_REQUIRED', 'Managing the team needs a signed-in user, not an API key');
  }
  return principal;
}

/** Only an owner grants, takes away or acts on the ADMIN (or OWNER) role; admins manage members. */
export function requireRoleAuthority(actor: Principal, roles: readonly MembershipRole[]): void {
  if (actor.role !== 'OWNER' && roles.some((role) => role !== 'MEMBER')) {
    throw new AccountsError('ROLE_NOT_ALLOWED', 'Only an owner can grant, change or remove the admin role', {
      field: 'role',
    });
  }
}

const ROLE_NAMES: Record<MembershipRole, string> = { OWNER: 'an owner', ADMIN: 'an admin', MEMBER: 'a member' };

export function roleWithArticle(role: MembershipRole): string {
  return ROLE_NAMES[role];
}
