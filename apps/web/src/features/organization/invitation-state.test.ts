import { describe, expect, it } from 'vitest';
import { invitationStep } from './invitation-state.js';

const pending = { status: 'PENDING' as const, email: 'new@example.com', accountExists: false };

describe('invitationStep', () => {
  it('explains unknown, expired, revoked and used links instead of offering a form', () => {
    expect(invitationStep(null, null)).toMatchObject({ kind: 'invalid', title: 'This invitation link is not valid' });
    expect(invitationStep({ ...pending, status: 'EXPIRED' }, null)).toMatchObject({ kind: 'invalid' });
    expect(invitationStep({ ...pending, status: 'REVOKED' }, 'new@example.com')).toMatchObject({ kind: 'invalid' });
    expect(invitationStep({ ...pending, status: 'ACCEPTED' }, null).kind).toBe('invalid');
  });

  it('signs up a new address, signs in an existing one, and accepts for the invited account only', () => {
    expect(invitationStep(pending, null)).toEqual({ kind: 'sign-up' });
    expect(invitationStep({ ...pending, accountExists: true }, null)).toEqual({ kind: 'sign-in' });
    expect(invitationStep(pending, 'new@example.com')).toEqual({ kind: 'accept' });
    expect(invitationStep(pending, 'other@example.com')).toEqual({
      kind: 'wrong-account',
      signedInAs: 'other@example.com',
    });
  });
});
