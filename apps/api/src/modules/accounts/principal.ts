import type { MembershipRole } from './accounts.entity.js';

/** Who is calling: a signed-in user (cookie session) or an organization's API key. */
export type Principal =
  | { kind: 'session'; organizationId: string; userId: string; sessionId: string; role: MembershipRole }
  | { kind: 'apiKey'; organizationId: string; apiKeyId: string; role: MembershipRole };

/** API keys act with member rights: they read and meter, but do not administer the organization. */
export const API_KEY_ROLE: MembershipRole = 'MEMBER';

const ROLE_RANK: Record<MembershipRole, number> = { MEMBER: 0, ADMIN: 1, OWNER: 2 };

export function hasRole(principal: Principal, required: MembershipRole): boolean {
  return ROLE_RANK[principal.role] >= ROLE_RANK[required];
}
