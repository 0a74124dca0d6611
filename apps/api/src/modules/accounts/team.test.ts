import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_PASSWORD,
  dataOf,
  sessionCookieOf,
  startTestApp,
  type SignedUpUser,
  type TestApp,
} from '../../test/harness.js';
import { graphql } from '../../test/gql/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const INVITE = graphql(`
  mutation TeamInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      id
      email
      role
      invitedByEmail
      expiresAt
      expired
    }
  }
`);
const PREVIEW = graphql(`
  query TeamInvitationPreview($token: String!) {
    invitation(token: $token) {
      status
      organizationName
      inviterEmail
      email
      role
      accountExists
    }
  }
`);
const SIGN_UP_INVITED = graphql(`
  mutation TeamSignUpWithInvitation($input: SignUpWithInvitationInput!) {
    signUpWithInvitation(input: $input) {
      user {
        email
      }
      organization {
        id
        name
      }
      role
    }
  }
`);
const ACCEPT = graphql(`
  mutation TeamAcceptInvitation($token: String!) {
    acceptInvitation(token: $token) {
      organization {
        id
      }
      role
    }
  }
`);
const MEMBERS = graphql(`
  query TeamMembers {
    members {
      id
      email
      role
    }
  }
`);
const CHANGE_ROLE = graphql(`
  mutation TeamChangeRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) {
      id
      role
    }
  }
`);
const REMOVE = graphql(`
  mutation TeamRemoveMember($id: ID!) {
    removeMember(id: $id) {
      id
    }
  }
`);
const LEAVE = graphql(`
  mutation TeamLeave {
    leaveOrganization {
      id
    }
  }
`);
const ME = graphql(`
  query TeamMe {
    me {
      organization {
        id
        currency
      }
      role
    }
  }
`);

/**
 * The token of the open invitation to `email`, read from the organization's outbox: the mail whose link's
 * token hashes to the stored one (the test clock stands still, so mails cannot be told apart by time).
 */
async function mailedToken(organizationId: string, email: string): Promise<string> {
  const mails = await t.sql<{ body: string }>(
    'select body from mail_message where organization_id = ? and recipients = ?',
    [organizationId, email],
  );
  const [open] = await t.sql<{ token_hash: string }>(
    'select token_hash from invitation where organization_id = ? and email = ? and accepted_at is null and revoked_at is null',
    [organizationId, email],
  );
  const tokens = mails.map((mail) => /http:\/\/app\.test\/invitations\/([\w-]+)/.exec(mail.body)?.[1] ?? '');
  const token = tokens.find((candidate) => createHash('sha256').update(candidate).digest('hex') === open?.token_hash);
  if (!token) throw new Error(`no invitation mail to ${email}`);
  return token;
}

async function invite(owner: SignedUpUser, role: 'ADMIN' | 'MEMBER' = 'MEMBER') {
  const email = `invitee-${crypto.randomUUID()}@example.com`;
  const result = await t.graphql(INVITE, { input: { email, role } }, { cookie: owner.cookie });
  return { email, invitation: dataOf(result).inviteMember, token: await mailedToken(owner.organizationId, email) };
}

/** An owner's organization with a member who joined through an invitation. */
async function teamWithMember(role: 'ADMIN' | 'MEMBER' = 'MEMBER') {
  const owner = await t.signUp();
  const { email, token } = await invite(owner, role);
  const joined = await t.graphql(SIGN_UP_INVITED, { input: { token, password: TEST_PASSWORD } });
  const member = { email, cookie: sessionCookieOf(joined.headers) };
  const members = dataOf(await t.graphql(MEMBERS, {}, { cookie: owner.cookie })).members;
  const memberId = members.find((m) => m.email === email)!.id;
  return { owner, member, memberId };
}

describe('invitations', () => {
  it('mails a single-use link whose token is stored only as its SHA-256, valid 7 days', async () => {
    const owner = await t.signUp({ organizationName: 'Acme Team' });
    const { email, invitation, token } = await invite(owner);
    expect(invitation).toMatchObject({ email, role: 'MEMBER', invitedByEmail: owner.email, expired: false });
    expect(new Date(invitation.expiresAt).getTime() - t.clock.now().getTime()).toBe(7 * 86_400_000);
    const stored = await t.sql<{ token_hash: string }>('select token_hash from invitation where id = ?', [
      invitation.id,
    ]);
    expect(stored[0]?.token_hash).not.toContain(token);
    expect(stored[0]?.token_hash).toHaveLength(64);
    const preview = await t.graphql(PREVIEW, { token });
    expect(preview.data?.invitation).toEqual({
      status: 'PENDING',
      organizationName: 'Acme Team',
      inviterEmail: owner.email,
      email,
      role: 'MEMBER',
      accountExists: false,
    });
  });

  it('signs the invitee up into the inviting organization with the role, and the link works once', async () => {
    const owner = await t.signUp();
    const { email, token } = await invite(owner);
    const joined = await t.graphql(SIGN_UP_INVITED, { input: { token, password: TEST_PASSWORD } });
    expect(joined.data?.signUpWithInvitation).toMatchObject({
      user: { email },
      organization: { id: owner.organizationId },
      role: 'MEMBER',
    });
    const me = await t.graphql(ME, {}, { cookie: sessionCookieOf(joined.headers) });
    expect(me.data?.me).toMatchObject({ organization: { id: owner.organizationId }, role: 'MEMBER' });
    expect((await t.graphql(PREVIEW, { token })).data?.invitation?.status).toBe('ACCEPTED');
    const again = await t.graphql(SIGN_UP_INVITED, { input: { token, password: TEST_PASSWORD } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_ALREADY_ACCEPTED' });
  });

  it('joins once when one token is accepted twice at the same time (two tabs)', async () => {
    const owner = await t.signUp();
    const invitee = await t.signUp();
    const result = await t.graphql(
      INVITE,
      { input: { email: invitee.email, role: 'ADMIN' } },
      { cookie: owner.cookie },
    );
    expect(result.errors).toBeUndefined();
    const token = await mailedToken(owner.organizationId, invitee.email);
    expect((await t.graphql(PREVIEW, { token })).data?.invitation?.accountExists).toBe(true);
    const [first, second] = await Promise.all([
      t.graphql(ACCEPT, { token }, { cookie: invitee.cookie }),
      t.graphql(ACCEPT, { token }, { cookie: invitee.cookie }),
    ]);
    for (const tab of [first, second]) {
      expect(tab.data?.acceptInvitation).toEqual({ organization: { id: owner.organizationId }, role: 'ADMIN' });
    }
    const rows = await t.sql<{ n: string }>(
      'select count(*) as n from membership where organization_id = ? and user_id = (select id from app_user where email = ?)',
      [owner.organizationId, invitee.email],
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('refuses a signed-in user with another email, an expired, a revoked and a replaced link with typed errors', async () => {
    const owner = await t.signUp();
    const stranger = await t.signUp();
    const { invitation, token, email } = await invite(owner);
    const mismatch = await t.graphql(ACCEPT, { token }, { cookie: stranger.cookie });
    expect(mismatch.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INVITATION_EMAIL_MISMATCH' });

    const RESEND = graphql(`
      mutation TeamResend($id: ID!) {
        resendInvitation(id: $id) {
          id
        }
      }
    `);
    expect((await t.graphql(RESEND, { id: invitation.id }, { cookie: owner.cookie })).errors).toBeUndefined();
    const newToken = await mailedToken(owner.organizationId, email);
    expect(newToken).not.toBe(token);
    expect((await t.graphql(PREVIEW, { token })).data?.invitation).toBeNull();
    const replaced = await t.graphql(SIGN_UP_INVITED, { input: { token, password: TEST_PASSWORD } });
    expect(replaced.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'INVITATION_NOT_FOUND' });

    const start = t.clock.now();
    t.clock.set(new Date(start.getTime() + 7 * 86_400_000 + 1000));
    try {
      expect((await t.graphql(PREVIEW, { token: newToken })).data?.invitation?.status).toBe('EXPIRED');
      const expired = await t.graphql(SIGN_UP_INVITED, { input: { token: newToken, password: TEST_PASSWORD } });
      expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_EXPIRED' });
    } finally {
      t.clock.set(start);
    }

    const REVOKE = graphql(`
      mutation TeamRevoke($id: ID!) {
        revokeInvitation(id: $id) {
          id
        }
      }
    `);
    expect((await t.graphql(REVOKE, { id: invitation.id }, { cookie: owner.cookie })).errors).toBeUndefined();
    const revoked = await t.graphql(SIGN_UP_INVITED, { input: { token: newToken, password: TEST_PASSWORD } });
    expect(revoked.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_REVOKED' });
    expect(await t.sql('select 1 from app_user where email = ?', [email])).toEqual([]);
  });

  it('refuses inviting a member, a pending address, an OWNER role, and more than 50 pending invitations', async () => {
    const { owner, member } = await teamWithMember();
    const existing = await t.graphql(
      INVITE,
      { input: { email: member.email, role: 'MEMBER' } },
      { cookie: owner.cookie },
    );
    expect(existing.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_MEMBER',
      field: 'email',
    });
    const { email } = await invite(owner);
    const twice = await t.graphql(INVITE, { input: { email, role: 'MEMBER' } }, { cookie: owner.cookie });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_PENDING' });
    const asOwner = await t.graphql(
      INVITE,
      { input: { email: 'x@example.com', role: 'OWNER' } },
      { cookie: owner.cookie },
    );
    expect(asOwner.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_ROLE' });
    const badEmail = await t.graphql(INVITE, { input: { email: 'nope', role: 'MEMBER' } }, { cookie: owner.cookie });
    expect(badEmail.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_EMAIL' });

    for (let i = 0; i < 49; i++) {
      const ok = await t.graphql(
        INVITE,
        { input: { email: `bulk-${i}-${email}`, role: 'MEMBER' } },
        { cookie: owner.cookie },
      );
      expect(ok.errors).toBeUndefined();
    }
    const over = await t.graphql(
      INVITE,
      { input: { email: `one-more-${email}`, role: 'MEMBER' } },
      { cookie: owner.cookie },
    );
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_INVITATIONS' });
  });
});

describe('roles and removal', () => {
  it('a MEMBER cannot invite, change roles, list invitations or reach billing actions, but reads the member list', async () => {
    const { member, memberId } = await teamWithMember();
    const invited = await t.graphql(
      INVITE,
      { input: { email: 'a@example.com', role: 'MEMBER' } },
      { cookie: member.cookie },
    );
    expect(invited.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const promoted = await t.graphql(CHANGE_ROLE, { input: { memberId, role: 'ADMIN' } }, { cookie: member.cookie });
    expect(promoted.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const pending = await t.graphql(
      graphql(`
        query TeamInvitations {
          invitations {
            id
          }
        }
      `),
      {},
      { cookie: member.cookie },
    );
    expect(pending.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const portal = await t.untypedGraphql('mutation { createPortalSession { url } }', {}, { cookie: member.cookie });
    expect((portal.errors?.[0]?.extensions as { code?: string } | undefined)?.code).toBe('FORBIDDEN');
    const members = await t.graphql(MEMBERS, {}, { cookie: member.cookie });
    expect(members.data?.members.map((m) => m.role)).toEqual(['OWNER', 'MEMBER']);
  });

  it('only an owner grants the admin role; an admin can neither invite admins nor demote another admin', async () => {
    const { owner, memberId } = await teamWithMember();
    const { member: admin, memberId: adminId } = await teamWithMemberIn(owner, 'ADMIN');
    const byAdmin = await t.graphql(CHANGE_ROLE, { input: { memberId, role: 'ADMIN' } }, { cookie: admin.cookie });
    expect(byAdmin.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    const inviteAdmin = await t.graphql(
      INVITE,
      { input: { email: 'b@example.com', role: 'ADMIN' } },
      { cookie: admin.cookie },
    );
    expect(inviteAdmin.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });
    const inviteMember = await t.graphql(
      INVITE,
      { input: { email: `c-${crypto.randomUUID()}@example.com`, role: 'MEMBER' } },
      { cookie: admin.cookie },
    );
    expect(inviteMember.errors).toBeUndefined();
    const byOwner = await t.graphql(CHANGE_ROLE, { input: { memberId, role: 'ADMIN' } }, { cookie: owner.cookie });
    expect(byOwner.data?.changeMemberRole).toEqual({ id: memberId, role: 'ADMIN' });
    const demote = await t.graphql(
      CHANGE_ROLE,
      { input: { memberId: adminId, role: 'MEMBER' } },
      { cookie: owner.cookie },
    );
    expect(demote.data?.changeMemberRole.role).toBe('MEMBER');
  });

  it('never demotes or removes the last owner, who cannot leave either', async () => {
    const { owner, member } = await teamWithMember();
    const ownerId = dataOf(await t.graphql(MEMBERS, {}, { cookie: owner.cookie })).members.find(
      (m) => m.role === 'OWNER',
    )!.id;
    const demote = await t.graphql(
      CHANGE_ROLE,
      { input: { memberId: ownerId, role: 'ADMIN' } },
      { cookie: owner.cookie },
    );
    expect(demote.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_OWNER' });
    const remove = await t.graphql(REMOVE, { id: ownerId }, { cookie: owner.cookie });
    expect(remove.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_OWNER' });
    const leave = await t.graphql(LEAVE, {}, { cookie: owner.cookie });
    expect(leave.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_OWNER' });
    const byMember = await t.graphql(REMOVE, { id: ownerId }, { cookie: member.cookie });
    expect(byMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await t.graphql(REMOVE, { id: 'not-a-uuid' }, { cookie: owner.cookie });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'MEMBER_NOT_FOUND' });
  });

  it("refuses a removed member's session on the next request, and their next sign-in says why", async () => {
    const { owner, member, memberId } = await teamWithMember();
    expect((await t.graphql(ME, {}, { cookie: member.cookie })).data?.me?.role).toBe('MEMBER');
    expect((await t.graphql(REMOVE, { id: memberId }, { cookie: owner.cookie })).errors).toBeUndefined();
    expect((await t.graphql(ME, {}, { cookie: member.cookie })).data).toEqual({ me: null });
    const runs = await t.graphql(MEMBERS, {}, { cookie: member.cookie });
    expect(runs.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const signIn = await t.untypedGraphql(
      'mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { role } }',
      { email: member.email, password: TEST_PASSWORD },
    );
    expect(signIn.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_ORGANIZATION' });
    const sessions = await t.sql(
      'select 1 from user_session where organization_id = ? and user_id = (select id from app_user where email = ?)',
      [owner.organizationId, member.email],
    );
    expect(sessions).toEqual([]);

    // Invited again, they join with their existing account through the link (a plain sign-in had nowhere to go).
    const again = await t.graphql(INVITE, { input: { email: member.email, role: 'MEMBER' } }, { cookie: owner.cookie });
    expect(again.errors).toBeUndefined();
    const token = await mailedToken(owner.organizationId, member.email);
    const SIGN_IN_INVITED = graphql(`
      mutation TeamSignInWithInvitation($token: String!, $password: String!) {
        signInWithInvitation(token: $token, password: $password) {
          organization {
            id
          }
          role
        }
      }
    `);
    const wrong = await t.graphql(SIGN_IN_INVITED, { token, password: 'not the password' });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    const rejoined = await t.graphql(SIGN_IN_INVITED, { token, password: TEST_PASSWORD });
    expect(rejoined.data?.signInWithInvitation).toEqual({ organization: { id: owner.organizationId }, role: 'MEMBER' });
    const me = await t.graphql(ME, {}, { cookie: sessionCookieOf(rejoined.headers) });
    expect(me.data?.me?.organization.id).toBe(owner.organizationId);
  });

  it('a member leaves and is signed out of the organization', async () => {
    const { owner, member } = await teamWithMember();
    const left = await t.graphql(LEAVE, {}, { cookie: member.cookie });
    expect(left.errors).toBeUndefined();
    expect((await t.graphql(ME, {}, { cookie: member.cookie })).data).toEqual({ me: null });
    const members = dataOf(await t.graphql(MEMBERS, {}, { cookie: owner.cookie })).members;
    expect(members.map((m) => m.email)).toEqual([owner.email]);
  });
});

describe('organization currency', () => {
  const UPDATE = graphql(`
    mutation TeamUpdateOrganization($input: UpdateOrganizationInput!) {
      updateOrganization(input: $input) {
        currency
      }
    }
  `);

  it("defaults to USD, is set by admins from the fixed list, and is every report's currency", async () => {
    const { owner, member } = await teamWithMember();
    expect((await t.graphql(ME, {}, { cookie: owner.cookie })).data?.me?.organization.currency).toBe('USD');
    const bad = await t.graphql(UPDATE, { input: { currency: 'XYZ' } }, { cookie: owner.cookie });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNSUPPORTED_CURRENCY',
      field: 'currency',
    });
    const byMember = await t.graphql(UPDATE, { input: { currency: 'EUR' } }, { cookie: member.cookie });
    expect(byMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.graphql(UPDATE, { input: { currency: 'eur' } }, { cookie: owner.cookie })).data).toEqual({
      updateOrganization: { currency: 'EUR' },
    });
    const window = await t.untypedGraphql('{ attributionWindow { currency } }', {}, { cookie: member.cookie });
    expect(window.data).toEqual({ attributionWindow: { currency: 'EUR' } });
  });
});

/** Another member (with `role`) of the owner's organization. */
async function teamWithMemberIn(owner: SignedUpUser, role: 'ADMIN' | 'MEMBER') {
  const { email, token } = await invite(owner, role);
  const joined = await t.graphql(SIGN_UP_INVITED, { input: { token, password: TEST_PASSWORD } });
  const members = dataOf(await t.graphql(MEMBERS, {}, { cookie: owner.cookie })).members;
  return {
    member: { email, cookie: sessionCookieOf(joined.headers) },
    memberId: members.find((m) => m.email === email)!.id,
  };
}
