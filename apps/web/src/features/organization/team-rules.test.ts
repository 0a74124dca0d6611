import { describe, expect, it } from 'vitest';
import { canChangeRole, canLeave, canManageTeam, canRemove, invitableRoles } from './team-rules.js';

describe('team rules', () => {
  it('lets owners and admins manage the team, members only read it', () => {
    expect([canManageTeam('OWNER'), canManageTeam('ADMIN'), canManageTeam('MEMBER')]).toEqual([true, true, false]);
    expect(invitableRoles('OWNER')).toEqual(['MEMBER', 'ADMIN']);
    expect(invitableRoles('ADMIN')).toEqual(['MEMBER']);
    expect(invitableRoles('MEMBER')).toEqual([]);
  });

  it('keeps the admin role in owners’ hands and owners out of reach', () => {
    expect(canChangeRole('OWNER', 'MEMBER', false)).toBe(true);
    expect(canChangeRole('OWNER', 'ADMIN', false)).toBe(true);
    expect(canChangeRole('OWNER', 'OWNER', false)).toBe(false);
    expect(canChangeRole('ADMIN', 'MEMBER', false)).toBe(false);
    expect(canRemove('ADMIN', 'MEMBER', false)).toBe(true);
    expect(canRemove('ADMIN', 'ADMIN', false)).toBe(false);
    expect(canRemove('OWNER', 'ADMIN', false)).toBe(true);
    expect(canRemove('OWNER', 'OWNER', false)).toBe(false);
    expect(canRemove('OWNER', 'MEMBER', true)).toBe(false);
    expect(canRemove('MEMBER', 'MEMBER', false)).toBe(false);
  });

  it('never lets the last owner leave', () => {
    expect(canLeave('OWNER', 1)).toBe(false);
    expect(canLeave('OWNER', 2)).toBe(true);
    expect(canLeave('MEMBER', 1)).toBe(true);
  });
});
