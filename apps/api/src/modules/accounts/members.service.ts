import { LockMode } from '@mikro-orm/core';
import type { Clock } from '../../clock.js';
import type { Orm } from '../../db/orm.js';
import { INVITABLE_ROLES, Membership, Organization, Session, User, type MembershipRole } from './accounts.entity.js';
import { AccountsError } from './accounts.errors.js';
import { DEFAULT_CURRENCY, parseCurrency } from './currencies.js';
import { uuidOrNil } from './invitations.service.js';
import type { Principal } from './principal.js';
import { requireRoleAuthority, requireSession, type SessionPrincipal } from './team-access.js';

type EntityManager = ReturnType<Orm['em']['fork']>;

export interface MemberView {
  id: string;
  userId: string;
  email: string;
  role: MembershipRole;
  joinedAt: Date;
}

export interface OrganizationView {
  id: string;
  name: string;
  currency: string;
}

/**
 * An organization's members and settings. Removing someone ends their sessions in the organization at
 * once (and a session is checked against its membership on every request anyway); an organization
 * always keeps at least one owner.
 */
export class MembersService {
  readonly #currencies = new WeakMap<object, Promise<string>>();

  constructor(
    private readonly orm: Orm,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal): Promise<MemberView[]> {
    const em = this.orm.em.fork();
    const memberships = await em.find(
      Membership,
      { organizationId: principal.organizationId },
      { orderBy: { createdAt: 'asc' } },
    );
    const users = await em.find(User, { id: { $in: memberships.map((m) => m.userId) } });
    const emails = new Map(users.map((user) => [user.id, user.email]));
    return memberships.map((membership) => view(membership, emails.get(membership.userId) ?? ''));
  }

  /** ADMIN or MEMBER; only an owner touches the admin role, and the last owner keeps theirs. */
  async changeRole(principal: Principal, memberId: string, role: MembershipRole): Promise<MemberView> {
    const actor = requireSession(principal);
    if (!(INVITABLE_ROLES as readonly string[]).includes(role)) {
      throw new AccountsError('INVALID_ROLE', 'A member can be made an admin or a member', { field: 'role' });
    }
    return this.orm.em.fork().transactional(async (tx) => {
      const target = await this.#member(tx, actor, memberId);
      requireRoleAuthority(actor, [target.role, role]);
      if (target.role === 'OWNER') await this.#keepAnotherOwner(tx, actor.organizationId, target.id);
      target.role = role;
      await tx.flush();
      return view(target, await this.#email(tx, target.userId));
    });
  }

  async remove(principal: Principal, memberId: string): Promise<MemberView> {
    const actor = requireSession(principal);
    return this.orm.em.fork().transactional(async (tx) => {
      const target = await this.#member(tx, actor, memberId);
      if (target.userId !== actor.userId) requireRoleAuthority(actor, [target.role]);
      return this.#end(tx, target);
    });
  }

  /** The caller leaves; the last owner cannot (the organization would have no one to run it). */
  async leave(principal: Principal): Promise<MemberView> {
    const actor = requireSession(principal);
    return this.orm.em.fork().transactional(async (tx) => {
      const membership = await tx.findOneOrFail(Membership, {
        organizationId: actor.organizationId,
        userId: actor.userId,
      });
      return this.#end(tx, membership);
    });
  }

  async organization(organizationId: string): Promise<OrganizationView> {
    const organization = await this.orm.em.fork().findOneOrFail(Organization, { id: organizationId });
    return { id: organization.id, name: organization.name, currency: organization.currency };
  }

  async updateOrganization(principal: Principal, input: { currency?: string | null }): Promise<OrganizationView> {
    const em = this.orm.em.fork();
    const organization = await em.findOneOrFail(Organization, { id: principal.organizationId });
    if (input.currency != null) organization.currency = parseCurrency(input.currency);
    await em.flush();
    return { id: organization.id, name: organization.name, currency: organization.currency };
  }

  /**
   * The ISO 4217 code the organization's report values are shown in. `request`: any object that lives
   * as long as one request (e.g. its GraphQL context), so a page of reports reads the setting once.
   */
  currencyOf(organizationId: string, request: object): Promise<string> {
    let currency = this.#currencies.get(request);
    if (!currency) {
      currency = this.orm.em
        .fork()
        .findOne(Organization, { id: organizationId })
        .then((organization) => organization?.currency ?? DEFAULT_CURRENCY);
      this.#currencies.set(request, currency);
    }
    return currency;
  }

  async #end(tx: EntityManager, membership: Membership): Promise<MemberView> {
    if (membership.role === 'OWNER') await this.#keepAnotherOwner(tx, membership.organizationId, membership.id);
    const email = await this.#email(tx, membership.userId);
    tx.remove(membership);
    await tx.nativeDelete(Session, { userId: membership.userId, organizationId: membership.organizationId });
    await tx.flush();
    return view(membership, email);
  }

  /** Locks the owners' rows, so two owners demoting each other at once cannot leave none. */
  async #keepAnotherOwner(tx: EntityManager, organizationId: string, leavingId: string): Promise<void> {
    const owners = await tx.find(
      Membership,
      { organizationId, role: 'OWNER' },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    );
    if (!owners.some((owner) => owner.id !== leavingId)) {
      throw new AccountsError(
        'LAST_OWNER',
        'An organization needs at least one owner: the last owner cannot be demoted, removed or leave',
      );
    }
  }

  async #member(tx: EntityManager, actor: SessionPrincipal, memberId: string): Promise<Membership> {
    const membership = await tx.findOne(
      Membership,
      { id: uuidOrNil(memberId), organizationId: actor.organizationId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!membership) throw new AccountsError('MEMBER_NOT_FOUND', 'No such member in this organization');
    return membership;
  }

  async #email(tx: EntityManager, userId: string): Promise<string> {
    return (await tx.findOneOrFail(User, { id: userId })).email;
  }
}

function view(membership: Membership, email: string): MemberView {
  return {
    id: membership.id,
    userId: membership.userId,
    email,
    role: membership.role,
    joinedAt: membership.createdAt,
  };
}
