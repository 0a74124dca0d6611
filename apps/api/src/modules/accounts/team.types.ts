import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { enumObject } from '../../graphql/enum-object.js';
import type { InvitableRole, MembershipRole } from './accounts.entity.js';
import { MembershipRoleEnum } from './accounts.types.js';
import type { InvitationStatus } from './invitations.service.js';

const INVITATION_STATUSES = [
  'PENDING',
  'EXPIRED',
  'REVOKED',
  'ACCEPTED',
] as const satisfies readonly InvitationStatus[];
export const InvitationStatusEnum = enumObject(INVITATION_STATUSES);
registerEnumType(InvitationStatusEnum, { name: 'InvitationStatus' });

@ObjectType('Member', { description: "A user's membership of the organization" })
export class MemberObject {
  @Field(() => ID, { description: 'The membership (what changeMemberRole and removeMember take)' })
  id!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => String)
  email!: string;

  @Field(() => MembershipRoleEnum)
  role!: MembershipRole;

  @Field(() => Date)
  joinedAt!: Date;
}

@ObjectType('Invitation', { description: 'A pending invitation (not yet accepted or revoked)' })
export class InvitationObject {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => MembershipRoleEnum)
  role!: InvitableRole;

  @Field(() => String, { nullable: true })
  invitedByEmail!: string | null;

  @Field(() => Date, { description: 'When it was sent (or last resent)' })
  createdAt!: Date;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Boolean, { description: 'Past expiresAt: the link no longer works; resend or revoke it' })
  expired!: boolean;
}

@ObjectType('InvitationPreview', { description: "What an invitation link's page shows before anyone signs in" })
export class InvitationPreviewObject {
  @Field(() => InvitationStatusEnum)
  status!: InvitationStatus;

  @Field(() => String)
  organizationName!: string;

  @Field(() => String, { nullable: true })
  inviterEmail!: string | null;

  @Field(() => String, { description: 'The invited address: the account that may accept' })
  email!: string;

  @Field(() => MembershipRoleEnum)
  role!: InvitableRole;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Boolean, { description: 'The address has an account: sign in to accept instead of signing up' })
  accountExists!: boolean;
}

@InputType('InviteMemberInput')
export class InviteMemberInputObject {
  @Field(() => String)
  email!: string;

  @Field(() => MembershipRoleEnum, { description: 'ADMIN (only an owner invites admins) or MEMBER' })
  role!: MembershipRole;
}

@InputType('ChangeMemberRoleInput')
export class ChangeMemberRoleInputObject {
  @Field(() => ID)
  memberId!: string;

  @Field(() => MembershipRoleEnum, { description: 'ADMIN or MEMBER; only an owner grants or removes ADMIN' })
  role!: MembershipRole;
}

@InputType('SignUpWithInvitationInput')
export class SignUpWithInvitationInputObject {
  @Field(() => String)
  token!: string;

  @Field(() => String, { description: "At least 10 characters; the email is the invitation's" })
  password!: string;
}

@InputType('UpdateOrganizationInput')
export class UpdateOrganizationInputObject {
  @Field(() => String, { nullable: true, description: 'ISO 4217 code, one of supportedCurrencies' })
  currency?: string | null;
}
