import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const MEMBERSHIP_ROLES = ['OWNER', 'ADMIN', 'MEMBER'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const Organization = defineEntity({
  name: 'Organization',
  tableName: 'organization',
  properties: {
    id: p.uuid().primary(),
    name: p.string().length(200),
    /** ISO 4217 code of the organization's report values (SUPPORTED_CURRENCIES). */
    currency: p.string().length(3).default('USD'),
    createdAt: p.datetime(),
  },
});
export type Organization = InferEntity<typeof Organization>;

export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.uuid().primary(),
    email: p.string().length(320).unique(),
    passwordHash: p.text().lazy(),
    createdAt: p.datetime(),
  },
});
export type User = InferEntity<typeof User>;

export const Membership = defineEntity({
  name: 'Membership',
  tableName: 'membership',
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    userId: p.uuid(),
    role: p.enum(MEMBERSHIP_ROLES),
    createdAt: p.datetime(),
  },
});
export type Membership = InferEntity<typeof Membership>;

export const Session = defineEntity({
  name: 'Session',
  tableName: 'user_session',
  properties: {
    id: p.uuid().primary(),
    userId: p.uuid(),
    organizationId: p.uuid(),
    tokenHash: p.string().length(64).unique(),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
  },
});
export type Session = InferEntity<typeof Session>;

export const ApiKey = defineEntity({
  name: 'ApiKey',
  tableName: 'api_key',
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    createdByUserId: p.uuid().nullable(),
    name: p.string().length(100),
    prefix: p.string().length(16),
    secretHash: p.string().length(64).unique(),
    createdAt: p.datetime(),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type ApiKey = InferEntity<typeof ApiKey>;

/** The roles an invitation may grant: an organization has the owners it was created with (OWNER is never invited). */
export const INVITABLE_ROLES = ['ADMIN', 'MEMBER'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** An invitation to join an organization by email; the raw token is only ever in the mail's link. */
export const Invitation = defineEntity({
  name: 'Invitation',
  tableName: 'invitation',
  properties: {
    id: p.uuid().primary(),
    organizationId: p.uuid(),
    email: p.string().length(320),
    role: p.enum(INVITABLE_ROLES),
    tokenHash: p.string().length(64).unique(),
    invitedByUserId: p.uuid().nullable(),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
    acceptedAt: p.datetime().nullable(),
    acceptedByUserId: p.uuid().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type Invitation = InferEntity<typeof Invitation>;

export const ACCOUNT_ENTITIES = [Organization, User, Membership, Session, ApiKey, Invitation];
