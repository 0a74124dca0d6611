import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { clientAddress } from '../../http/client-address.js';
import { enforceRateLimit } from '../ratelimit/index.js';
import { startSession } from './accounts.resolver.js';
import { OrganizationObject, ViewerObject } from './accounts.types.js';
import { SUPPORTED_CURRENCIES } from './currencies.js';
import { clearSessionCookie } from './session-cookie.js';
import {
  ChangeMemberRoleInputObject,
  InvitationObject,
  InvitationPreviewObject,
  InviteMemberInputObject,
  MemberObject,
  SignUpWithInvitationInputObject,
  UpdateOrganizationInputObject,
} from './team.types.js';

/** Members, invitations and the organization's settings. Access is declared here; the rules on roles live in the services. */
@Resolver()
export class TeamResolver {
  @Authorized()
  @Query(() => [MemberObject], { description: "The organization's members, oldest first (every member may read it)" })
  async members(@Ctx() context: GraphQLContext): Promise<MemberObject[]> {
    return context.services.members.list(principalOf(context));
  }

  @Authorized('ADMIN')
  @Query(() => [InvitationObject], { description: 'Pending invitations, newest first (expired ones included)' })
  async invitations(@Ctx() context: GraphQLContext): Promise<InvitationObject[]> {
    return context.services.invitations.list(principalOf(context));
  }

  @Query(() => InvitationPreviewObject, {
    nullable: true,
    description: "An invitation link's page, for anyone holding the token; null for an unknown or replaced token",
  })
  async invitation(@Arg('token', () => String) token: string, @Ctx() context: GraphQLContext) {
    return context.services.invitations.preview(token);
  }

  @Query(() => [String], { description: 'The ISO 4217 codes an organization may report in' })
  supportedCurrencies(): string[] {
    return [...SUPPORTED_CURRENCIES];
  }

  @Authorized('ADMIN')
  @Mutation(() => InvitationObject, { description: 'Mails an invitation link valid for 7 days' })
  async inviteMember(
    @Arg('input', () => InviteMemberInputObject) input: InviteMemberInputObject,
    @Ctx() context: GraphQLContext,
  ): Promise<InvitationObject> {
    return context.services.invitations.invite(principalOf(context), input.email, input.role);
  }

  @Authorized('ADMIN')
  @Mutation(() => InvitationObject, { description: 'Mails a new link (the previous one stops working) valid 7 days' })
  async resendInvitation(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<InvitationObject> {
    return context.services.invitations.resend(principalOf(context), id);
  }

  @Authorized('ADMIN')
  @Mutation(() => InvitationObject)
  async revokeInvitation(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<InvitationObject> {
    return context.services.invitations.revoke(principalOf(context), id);
  }

  @Authorized()
  @Mutation(() => ViewerObject, {
    description:
      "The signed-in user (the invited address) joins and the session moves to the invitation's organization",
  })
  async acceptInvitation(@Arg('token', () => String) token: string, @Ctx() context: GraphQLContext) {
    return startSession(context, await context.services.invitations.accept(principalOf(context), token));
  }

  @Mutation(() => ViewerObject, { description: 'Creates the account of the invited address, joins and signs in' })
  async signUpWithInvitation(
    @Arg('input', () => SignUpWithInvitationInputObject) input: SignUpWithInvitationInputObject,
    @Ctx() context: GraphQLContext,
  ): Promise<ViewerObject> {
    enforceRateLimit(context.res, await context.services.rateLimits.take([['sign-up', clientAddress(context.req)]]));
    return startSession(context, await context.services.invitations.signUp(input.token, input.password));
  }

  @Mutation(() => ViewerObject, {
    description: "Signs the invited address's existing account in, joins and starts a session in the organization",
  })
  async signInWithInvitation(
    @Arg('token', () => String) token: string,
    @Arg('password', () => String) password: string,
    @Ctx() context: GraphQLContext,
  ): Promise<ViewerObject> {
    const address = clientAddress(context.req);
    enforceRateLimit(context.res, await context.services.rateLimits.take([['sign-in', address]]));
    return startSession(context, await context.services.invitations.signIn(token, password, address));
  }

  @Authorized('ADMIN')
  @Mutation(() => MemberObject, { description: 'ADMIN or MEMBER; only an owner grants or removes ADMIN' })
  async changeMemberRole(
    @Arg('input', () => ChangeMemberRoleInputObject) input: ChangeMemberRoleInputObject,
    @Ctx() context: GraphQLContext,
  ): Promise<MemberObject> {
    return context.services.members.changeRole(principalOf(context), input.memberId, input.role);
  }

  @Authorized('ADMIN')
  @Mutation(() => MemberObject, { description: 'Removes the member; their sessions in the organization end at once' })
  async removeMember(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<MemberObject> {
    return context.services.members.remove(principalOf(context), id);
  }

  @Authorized()
  @Mutation(() => MemberObject, { description: 'The caller leaves the organization and is signed out of it' })
  async leaveOrganization(@Ctx() context: GraphQLContext): Promise<MemberObject> {
    const left = await context.services.members.leave(principalOf(context));
    clearSessionCookie(context.res, context.req.secure);
    return left;
  }

  @Authorized('ADMIN')
  @Mutation(() => OrganizationObject)
  async updateOrganization(
    @Arg('input', () => UpdateOrganizationInputObject) input: UpdateOrganizationInputObject,
    @Ctx() context: GraphQLContext,
  ): Promise<OrganizationObject> {
    return context.services.members.updateOrganization(principalOf(context), input);
  }
}
