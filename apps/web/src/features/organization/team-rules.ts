// What the signed-in person may do to whom: the API's rules (members.service.ts), mirrored so the UI
// offers only actions that will succeed. The API stays the judge.
import type { MembershipRole } from '../../gql/graphql.js';

export const ROLE_NAMES: Record<MembershipRole, string> = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member' };

/** "an owner", "an admin", "a member": for sentences. */
export const ROLE_IN_SENTENCE: Record<MembershipRole, string> = {
  OWNER: 'an owner',
  ADMIN: 'an admin',
  MEMBER: 'a member',
};

export const ROLE_HINTS: Record<MembershipRole, string> = {
  OWNER: 'Full access, including billing and the team.',
  ADMIN: 'Manages billing, API keys, members and attribution.',
  MEMBER: 'Runs attribution and reads reports.',
};

export function canManageTeam(role: MembershipRole): boolean {
  return role === 'OWNER' || role === 'ADMIN';
}

/** Roles the viewer may invite with: only an owner invites admins. */
export function invitableRoles(role: MembershipRole): MembershipRole[] {
  if (role === 'OWNER') return ['MEMBER', 'ADMIN'];
  return role === 'ADMIN' ? ['MEMBER'] : [];
}

/** Only an owner moves someone between Admin and Member; owners keep their role here. */
export function canChangeRole(viewer: MembershipRole, target: MembershipRole, isSelf: boolean): boolean {
  return viewer === 'OWNER' && target !== 'OWNER' && !isSelf;
}

/** Owners remove admins and members; admins remove members; nobody removes themselves (they leave). */
export function canRemove(viewer: MembershipRole, target: MembershipRole, isSelf: boolean): boolean {
  if (isSelf || target === 'OWNER') return false;
  return viewer === 'OWNER' || (viewer === 'ADMIN' && target === 'MEMBER');
}

/** Anyone may leave but the last owner, who would leave the organization without one. */
export function canLeave(viewer: MembershipRole, ownerCount: number): boolean {
  return viewer !== 'OWNER' || ownerCount > 1;
}
