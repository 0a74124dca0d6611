import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { AuthConfig } from '../../config/auth.js';
import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import { Membership, Organization, Session, User, type MembershipRole } from './accounts.entity.js';
import { AccountsError } from './accounts.errors.js';
import {
  checkPasswordStrength,
  hashPassword,
  normaliseEmail,
  randomSecret,
  secretHash,
  verifyPassword,
} from './credentials.js';
import type { Principal } from './principal.js';
import { createSession, type NewSession } from './sessions.js';
import { DEFAULT_CURRENCY } from './currencies.js';
import { SignInThrottle } from './sign-in-throttle.js';

export interface SignUpInput {
  email: string;
  password: string;
  organizationName: string;
}

export interface ViewerData {
  user: { id: string; email: string } | null;
  organization: { id: string; name: string; currency: string };
  role: MembershipRole;
}

/** A new session: the raw token goes into the cookie once and is never stored. */
export interface SignedIn {
  viewer: ViewerData;
  sessionToken: string;
  expiresAt: Date;
}

// Verified against when the email is unknown, so both paths cost one argon2 verification.
const UNKNOWN_USER_HASH = await hashPassword(randomSecret());

export class AccountsService {
  readonly #throttle: SignInThrottle;

  constructor(
    private readonly orm: Orm,
    private readonly clock: Clock,
    private readonly config: AuthConfig,
  ) {
    this.#throttle = new SignInThrottle(orm, clock, config);
  }

  /** `address`: the client's (see http/client-address.ts); sign-ins from there never wait for failures elsewhere. */
  async signUp(input: SignUpInput, address: string | null = null): Promise<SignedIn> {
    const email = normaliseEmail(input.email);
    checkPasswordStrength(input.password, email);
    const organizationName = input.organizationName.trim();
    if (organizationName.length === 0 || organizationName.length > 200) {
      throw new AccountsError('INVALID_ORGANIZATION_NAME', 'The organization name must be 1 to 200 characters long', {
        field: 'organizationName',
      });
    }
    const passwordHash = await hashPassword(input.password);
    const now = this.clock.now();
    const em = this.orm.em.fork();
    if (await em.count(User, { email })) throw emailTaken();
    try {
      const signedIn = await em.transactional(async (tx): Promise<SignedIn> => {
        const organization = tx.create(Organization, {
          id: randomUUID(),
          name: organizationName,
          currency: DEFAULT_CURRENCY,
          createdAt: now,
        });
        const user = tx.create(User, { id: randomUUID(), email, passwordHash, createdAt: now });
        tx.create(Membership, {
          id: randomUUID(),
          organizationId: organization.id,
          userId: user.id,
          role: 'OWNER',
          createdAt: now,
        });
        const session = this.#newSession(tx, user.id, organization.id);
        return {
          viewer: {
            user: { id: user.id, email },
            organization: { id: organization.id, name: organization.name, currency: organization.currency },
            role: 'OWNER',
          },
          ...session,
        };
      });
      if (address !== null) await this.#throttle.recordKnownAddress(email, address);
      return signedIn;
    } catch (error) {
      // Two concurrent sign-ups with one email: the unique index decides.
      if (error instanceof UniqueConstraintViolationException) throw emailTaken();
      throw error;
    }
  }

  /** The user behind an email and password, throttled like every sign-in (an invitation's sign-in too). */
  async verifyCredentials(rawEmail: string, password: string, address: string): Promise<{ id: string; email: string }> {
    const email = normaliseEmail(rawEmail);
    await this.#throttle.claimAttempt(email, address);
    const user = await this.orm.em.fork().findOne(User, { email }, { populate: ['passwordHash'] });
    const valid = await verifyPassword(user?.passwordHash ?? UNKNOWN_USER_HASH, password);
    if (!user || !valid) throw new AccountsError('INVALID_CREDENTIALS', 'The email or password is incorrect');
    await this.#throttle.recordSuccess(email, address);
    return { id: user.id, email };
  }

  async signIn(rawEmail: string, password: string, address: string): Promise<SignedIn> {
    const user = await this.verifyCredentials(rawEmail, password, address);
    const em = this.orm.em.fork();
    // The first membership is the default organization (an invitation's link switches to its own).
    const membership = await em.findOne(Membership, { userId: user.id }, { orderBy: { createdAt: 'asc' } });
    if (!membership) {
      // Removed from (or left) every organization: the account stays, but there is nothing to sign in to.
      throw new AccountsError(
        'NO_ORGANIZATION',
        'You are no longer a member of any organization; ask an owner to invite you again',
      );
    }
    const organization = await em.findOneOrFail(Organization, { id: membership.organizationId });
    const session = this.#newSession(em, user.id, organization.id);
    await em.flush();
    return {
      viewer: {
        user,
        organization: { id: organization.id, name: organization.name, currency: organization.currency },
        role: membership.role,
      },
      ...session,
    };
  }

  async signOut(principal: Principal): Promise<void> {
    if (principal.kind !== 'session') return;
    await this.orm.em.fork().nativeDelete(Session, { id: principal.sessionId });
  }

  /** The principal behind a session cookie, or null when it is unknown or expired. */
  async authenticateSession(token: string): Promise<Principal | null> {
    const em = this.orm.em.fork();
    const session = await em.findOne(Session, { tokenHash: secretHash(token), expiresAt: { $gt: this.clock.now() } });
    if (!session) return null;
    const membership = await em.findOne(Membership, { userId: session.userId, organizationId: session.organizationId });
    if (!membership) return null;
    return {
      kind: 'session',
      organizationId: session.organizationId,
      userId: session.userId,
      sessionId: session.id,
      role: membership.role,
    };
  }

  async viewer(principal: Principal): Promise<ViewerData> {
    const em = this.orm.em.fork();
    const organization = await em.findOneOrFail(Organization, { id: principal.organizationId });
    const user = principal.kind === 'session' ? await em.findOneOrFail(User, { id: principal.userId }) : null;
    return {
      user: user ? { id: user.id, email: user.email } : null,
      organization: { id: organization.id, name: organization.name, currency: organization.currency },
      role: principal.role,
    };
  }

  /** A platform operator (OPERATOR_EMAILS): a signed-in user, never an API key. */
  isOperator(email: string | null): boolean {
    return email !== null && this.config.operatorEmails.includes(email.toLowerCase());
  }

  /** The emails of an organization's owners, sorted: whom billing mails about the subscription. */
  async ownerEmails(organizationId: string): Promise<string[]> {
    const em = this.orm.em.fork();
    const owners = await em.find(Membership, { organizationId, role: 'OWNER' });
    if (owners.length === 0) return [];
    const users = await em.find(
      User,
      { id: { $in: owners.map((owner) => owner.userId) } },
      { orderBy: { email: 'asc' } },
    );
    return users.map((user) => user.email);
  }

  #newSession(em: ReturnType<Orm['em']['fork']>, userId: string, organizationId: string): NewSession {
    return createSession(em, this.clock.now(), this.config.sessionTtlDays, userId, organizationId);
  }
}

function emailTaken(): AccountsError {
  return new AccountsError('EMAIL_TAKEN', 'An account with this email already exists', { field: 'email' });
}
