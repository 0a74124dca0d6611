import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { enumObject } from '../../graphql/enum-object.js';
import { MEMBERSHIP_ROLES, type MembershipRole } from './accounts.entity.js';

export const MembershipRoleEnum = enumObject(MEMBERSHIP_ROLES);
registerEnumType(MembershipRoleEnum, { name: 'MembershipRole' });

@InputType('SignUpInput')
export class SignUpInputObject {
  @Field(() => String)
  email!: string;

  @Field(() => String, { description: 'At least 10 characters' })
  password!: string;

  @Field(() => String)
  organizationName!: string;
}

// An args class keeps the SDL's argument order as declared (email, then password).
@ArgsType()
export class SignInArgs {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}

@ObjectType('User')
export class UserObject {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;
}

@ObjectType('Organization')
export class OrganizationObject {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'ISO 4217 code every report value of the organization is shown in' })
  currency!: string;
}

@ObjectType('Viewer', { description: 'The caller: a user (cookie session) or an API key (user is null)' })
export class ViewerObject {
  @Field(() => UserObject, { nullable: true })
  user!: UserObject | null;

  @Field(() => OrganizationObject)
  organization!: OrganizationObject;

  @Field(() => MembershipRoleEnum)
  role!: MembershipRole;
}

@ObjectType('ApiKey')
export class ApiKeyObject {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The visible start of the key, to tell keys apart' })
  prefix!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyObject {
  @Field(() => ApiKeyObject)
  apiKey!: ApiKeyObject;

  @Field(() => String, { description: 'The full key, shown this once' })
  secret!: string;
}
