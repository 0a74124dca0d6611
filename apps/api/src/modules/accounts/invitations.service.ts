import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { AuthConfig } from '../../config/auth.js';
import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import { invitationMail, type MailService } from '../mail/index.js';
import {
  INVITABLE_ROLES,
  Invitation,
  Membership,
  Organization,
  User,
  type InvitableRole,
  type MembershipRole,
} from './accounts.entity.js';
import { AccountsError } from './accounts.errors.js';
import type { AccountsService, SignedIn, ViewerData } from './accounts.service.js';
import { checkPasswordStrength, hashPassword, normaliseEmail, randomSecret, secretHash } from './credentials.js';
import type { Principal } from './principal.js';
import { createSession } from './sessions.js';
import { requireRoleAuthority, requireSession, roleWithArticle, type SessionPrincipal } from './team-access.js';

const INVITATION_TTL_MS = 7 * 86_400_000;
/** Open invitations per organization: enough for any team, too few to use the app as a mail cannon. */
export const MAX_PENDING_INVITATIONS = 50;
export const INVITATION_LINK_PATH = '/invitations/';

type EntityManager = ReturnType<Orm['em']['fork']>;

export interface InvitationView {
  id: string;
  email: string;
  role: InvitableRole;
  invitedByEmail: string | null;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
}

export type InvitationStatus = 'PENDING' | 'EXPIRED' | 'REVOKED' | 'ACCEPTED';

/** What the link's page shows before anyone signs in. */
export interface InvitationPreview {
  status: InvitationStatus;
  organizationName: string;
  inviterEmail: string | null;
  email: string;
  role: InvitableRole;
  expiresAt: Date;
  /** Whether the invited address has an account already: the page offers sign-in instead of sign-up. */
  accountExists: boolean;
}

/**
 * Invitations by email: a single-use token (only its SHA-256 stored) mailed as a link, valid 7 days,
 * resent with a new token or revoked. Accepting adds a membership; a user may belong to several
 * organizations, and a session belongs to one of them (accepting starts a session in the new one).
 */
export class InvitationsService {
  constructor(
    private readonly orm: Orm,
    private readonly clock: Clock,
    private readonly config: AuthConfig,
    private readonly mail: MailService,
    private readonly publicUrl: string,
    private readonly accounts: AccountsService,
  ) {}

  async list(principal: Principal): Promise<InvitationView[]> {
    const em = this.orm.em.fork();
    const invitations = await em.find(
      Invitation,
      { organizationId: principal.organizationId, acceptedAt: null, revokedAt: null },
      { orderBy: { createdAt: 'desc' } },
    );
    return this.#views(em, invitations);
  }

  async invite(principal: Principal, rawEmail: string, rawRole: MembershipRole): Promise<InvitationView> {
    const actor = requireSession(principal);
    const role = invitableRole(rawRole);
    requireRoleAuthority(actor, [role]);
    const email = normaliseEmail(rawEmail);
    const now = this.clock.now();
    const em = this.orm.em.fork();
    const existingUser = await em.findOne(User, { email });
    if (
      existingUser &&
      (await em.count(Membership, { organizationId: actor.organizationId, userId: existingUser.id }))
    ) {
      throw new AccountsError('ALREADY_MEMBER', `${email} is already a member of this organization`, {
        field: 'email',
      });
    }
    const token = randomSecret();
    try {
      const invitation = await em.transactional(async (tx) => {
        const open = await tx.findOne(Invitation, {
          organizationId: actor.organizationId,
          email,
          acceptedAt: null,
          revokedAt: null,
        });
        if (open && open.expiresAt > now) throw invitationPending(email);
        // An expired invitation no longer blocks the address: it is closed and a fresh one replaces it.
        if (open) open.revokedAt = now;
        const pending = await tx.count(Invitation, {
          organizationId: actor.organizationId,
          acceptedAt: null,
          revokedAt: null,
          expiresAt: { $gt: now },
        });
        if (pending >= MAX_PENDING_INVITATIONS) {
          throw new AccountsError(
            'TOO_MANY_INVITATIONS',
            `An organization can have at most ${MAX_PENDING_INVITATIONS} pending invitations; revoke some first`,
          );
        }
        return tx.create(Invitation, {
          id: randomUUID(),
          organizationId: actor.organizationId,
          email,
          role,
          tokenHash: secretHash(token),
          invitedByUserId: actor.userId,
          createdAt: now,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
          acceptedAt: null,
          acceptedByUserId: null,
          revokedAt: null,
        });
      });
      await this.#mail(em, invitation, token);
      return (await this.#views(em, [invitation]))[0]!;
    } catch (error) {
      // Two invites of one address at once: the partial unique index lets one through.
      if (error instanceof UniqueConstraintViolationException) throw invitationPending(email);
      throw error;
    }
  }

  /** A new token and 7 more days; the previous link stops working at once. */
  async resend(principal: Principal, id: string): Promise<InvitationView> {
    const actor = requireSession(principal);
    const em = this.orm.em.fork();
    const invitation = await this.#open(em, actor, id);
    requireRoleAuthority(actor, [invitation.role]);
    const token = randomSecret();
    const now = this.clock.now();
    invitation.tokenHash = secretHash(token);
    invitation.createdAt = now;
    invitation.expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    await em.flush();
    await this.#mail(em, invitation, token);
    return (await this.#views(em, [invitation]))[0]!;
  }

  async revoke(principal: Principal, id: string): Promise<InvitationView> {
    const actor = requireSession(principal);
    const em = this.orm.em.fork();
    const invitation = await this.#open(em, actor, id);
    requireRoleAuthority(actor, [invitation.role]);
    invitation.revokedAt = this.clock.now();
    await em.flush();
    return (await this.#views(em, [invitation]))[0]!;
  }

  /** The link's page; null for a token that was never ours (or was replaced by a resend). */
  async preview(token: string): Promise<InvitationPreview | null> {
    const em = this.orm.em.fork();
    const invitation = await em.findOne(Invitation, { tokenHash: secretHash(token) });
    if (!invitation) return null;
    const organization = await em.findOneOrFail(Organization, { id: invitation.organizationId });
    const inviter = invitation.invitedByUserId ? await em.findOne(User, { id: invitation.invitedByUserId }) : null;
    return {
      status: this.#status(invitation),
      organizationName: organization.name,
      inviterEmail: inviter?.email ?? null,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      accountExists: (await em.count(User, { email: invitation.email })) > 0,
    };
  }

  /**
   * The signed-in user joins with the invited role and gets a session in that organization. Accepting
   * the same link twice (two tabs) joins once: the second answer is the same organization.
   */
  async accept(principal: Principal, token: string): Promise<SignedIn> {
    const actor = requireSession(principal);
    const em = this.orm.em.fork();
    const user = await em.findOneOrFail(User, { id: actor.userId });
    return em.transactional(async (tx) => {
      const invitation = await this.#lockForAccepting(tx, token, user.id);
      if (invitation.email !== user.email) {
        throw new AccountsError(
          'INVITATION_EMAIL_MISMATCH',
          `This invitation is for ${invitation.email}, but you are signed in as ${user.email}; sign out and open the link again`,
        );
      }
      return this.#join(tx, invitation, user);
    });
  }

  /**
   * The invited address's existing account: its password, then the same join as accept(). Works for
   * someone removed from every organization too (a plain sign-in has nowhere to put them).
   */
  async signIn(token: string, password: string, address: string): Promise<SignedIn> {
    const em = this.orm.em.fork();
    const invitation = await em.findOne(Invitation, { tokenHash: secretHash(token) });
    if (!invitation) throw invitationNotFound();
    const verified = await this.accounts.verifyCredentials(invitation.email, password, address);
    const user = await em.findOneOrFail(User, { id: verified.id });
    return em.transactional(async (tx) => this.#join(tx, await this.#lockForAccepting(tx, token, user.id), user));
  }

  /** A new account for the invited address (the email is the invitation's), joined and signed in. */
  async signUp(token: string, password: string): Promise<SignedIn> {
    const em = this.orm.em.fork();
    const invitation = await em.findOne(Invitation, { tokenHash: secretHash(token) });
    if (!invitation) throw invitationNotFound();
    checkPasswordStrength(password, invitation.email);
    const passwordHash = await hashPassword(password);
    try {
      return await em.transactional(async (tx) => {
        const locked = await this.#lockForAccepting(tx, token, null);
        if (await tx.count(User, { email: locked.email })) throw emailTaken();
        const user = tx.create(User, {
          id: randomUUID(),
          email: locked.email,
          passwordHash,
          createdAt: this.clock.now(),
        });
        return this.#join(tx, locked, user);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw emailTaken();
      throw error;
    }
  }

  async #join(tx: EntityManager, invitation: Invitation, user: User): Promise<SignedIn> {
    const now = this.clock.now();
    const organization = await tx.findOneOrFail(Organization, { id: invitation.organizationId });
    let membership = await tx.findOne(Membership, { organizationId: organization.id, userId: user.id });
    if (!invitation.acceptedAt) {
      invitation.acceptedAt = now;
      invitation.acceptedByUserId = user.id;
      membership ??= tx.create(Membership, {
        id: randomUUID(),
        organizationId: organization.id,
        userId: user.id,
        role: invitation.role,
        createdAt: now,
      });
    }
    if (!membership) throw alreadyAccepted();
    const viewer: ViewerData = {
      user: { id: user.id, email: user.email },
      organization: { id: organization.id, name: organization.name, currency: organization.currency },
      role: membership.role,
    };
    return { viewer, ...createSession(tx, now, this.config.sessionTtlDays, user.id, organization.id) };
  }

  /** The invitation row locked for this transaction, if it can still be accepted (or was, by this user). */
  async #lockForAccepting(tx: EntityManager, token: string, userId: string | null): Promise<Invitation> {
    const invitation = await tx.findOne(
      Invitation,
      { tokenHash: secretHash(token) },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!invitation) throw invitationNotFound();
    if (invitation.acceptedAt) {
      if (userId !== null && invitation.acceptedByUserId === userId) return invitation;
      throw alreadyAccepted();
    }
    if (invitation.revokedAt) {
      throw new AccountsError('INVITATION_REVOKED', 'This invitation was withdrawn; ask for a new one');
    }
    if (invitation.expiresAt <= this.clock.now()) {
      throw new AccountsError('INVITATION_EXPIRED', 'This invitation has expired; ask for a new one');
    }
    return invitation;
  }

  async #open(em: EntityManager, actor: SessionPrincipal, id: string): Promise<Invitation> {
    const invitation = await em.findOne(Invitation, {
      id: uuidOrNil(id),
      organizationId: actor.organizationId,
      acceptedAt: null,
      revokedAt: null,
    });
    if (!invitation) throw invitationNotFound();
    return invitation;
  }

  #status(invitation: Invitation): InvitationStatus {
    if (invitation.acceptedAt) return 'ACCEPTED';
    if (invitation.revokedAt) return 'REVOKED';
    return invitation.expiresAt <= this.clock.now() ? 'EXPIRED' : 'PENDING';
  }

  async #mail(em: EntityManager, invitation: Invitation, token: string): Promise<void> {
    const organization = await em.findOneOrFail(Organization, { id: invitation.organizationId });
    const inviter = invitation.invitedByUserId ? await em.findOne(User, { id: invitation.invitedByUserId }) : null;
    const { subject, body } = invitationMail({
      organizationName: organization.name,
      inviterEmail: inviter?.email ?? null,
      roleName: roleWithArticle(invitation.role),
      link: `${this.publicUrl}${INVITATION_LINK_PATH}${token}`,
      expiresAt: invitation.expiresAt,
    });
    await this.mail.send({
      organizationId: invitation.organizationId,
      to: [invitation.email],
      subject,
      body,
      dedupeKey: `invitation:${invitation.tokenHash}`,
    });
  }

  async #views(em: EntityManager, invitations: Invitation[]): Promise<InvitationView[]> {
    const inviterIds = [...new Set(invitations.flatMap((i) => (i.invitedByUserId ? [i.invitedByUserId] : [])))];
    const inviters = inviterIds.length ? await em.find(User, { id: { $in: inviterIds } }) : [];
    const emails = new Map(inviters.map((user) => [user.id, user.email]));
    const now = this.clock.now();
    return invitations.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      invitedByEmail: invitation.invitedByUserId ? (emails.get(invitation.invitedByUserId) ?? null) : null,
      createdAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
      expired: invitation.expiresAt <= now,
    }));
  }
}

function invitableRole(role: MembershipRole): InvitableRole {
  if (!(INVITABLE_ROLES as readonly string[]).includes(role)) {
    throw new AccountsError('INVALID_ROLE', 'Invite as an admin or a member; an organization keeps the owners it has', {
      field: 'role',
    });
  }
  return role as InvitableRole;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A malformed id reads as unknown (NOT_FOUND), not as a database error. */
export function uuidOrNil(id: string): string {
  return UUID.test(id) ? id : '00000000-0000-0000-0000-000000000000';
}

function invitationNotFound(): AccountsError {
  return new AccountsError(
    'INVITATION_NOT_FOUND',
    'This invitation link is not valid; it may have been replaced by a newer one',
  );
}

function invitationPending(email: string): AccountsError {
  return new AccountsError('INVITATION_PENDING', `${email} has a pending invitation already; resend it instead`, {
    field: 'email',
  });
}

function alreadyAccepted(): AccountsError {
  return new AccountsError('INVITATION_ALREADY_ACCEPTED', 'This invitation has been used already; sign in instead');
}

function emailTaken(): AccountsError {
  return new AccountsError('EMAIL_TAKEN', 'An account with this email already exists; sign in to accept', {
    field: 'email',
  });
}
