import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { clientAddress } from '../../http/client-address.js';
import { enforceRateLimit } from '../ratelimit/index.js';
import type { SignedIn } from './accounts.service.js';
import { SignInArgs, SignUpInputObject, ViewerObject } from './accounts.types.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';

@Resolver(() => ViewerObject)
export class AccountsResolver {
  @Query(() => ViewerObject, { nullable: true, description: 'The caller, or null when anonymous' })
  async me(@Ctx() context: GraphQLContext): Promise<ViewerObject | null> {
    return context.principal ? context.services.accounts.viewer(context.principal) : null;
  }

  @Mutation(() => ViewerObject, { description: 'Creates the organization with the caller as OWNER and signs in' })
  async signUp(
    @Arg('input', () => SignUpInputObject) input: SignUpInputObject,
    @Ctx() context: GraphQLContext,
  ): Promise<ViewerObject> {
    const address = clientAddress(context.req);
    enforceRateLimit(context.res, await context.services.rateLimits.take([['sign-up', address]]));
    return startSession(context, await context.services.accounts.signUp(input, address));
  }

  @Mutation(() => ViewerObject)
  async signIn(
    @Args(() => SignInArgs) { email, password }: SignInArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<ViewerObject> {
    const address = clientAddress(context.req);
    enforceRateLimit(context.res, await context.services.rateLimits.take([['sign-in', address]]));
    return startSession(context, await context.services.accounts.signIn(email, password, address));
  }

  @FieldResolver(() => Boolean, {
    description: 'A platform operator (OPERATOR_EMAILS): may read the billing overview of all organizations',
  })
  isOperator(@Root() viewer: ViewerObject, @Ctx() context: GraphQLContext): boolean {
    return context.services.accounts.isOperator(viewer.user?.email ?? null);
  }

  @Authorized()
  @Mutation(() => Boolean)
  async signOut(@Ctx() context: GraphQLContext): Promise<boolean> {
    await context.services.accounts.signOut(principalOf(context));
    clearSessionCookie(context.res, context.req.secure);
    return true;
  }
}

export function startSession(context: GraphQLContext, signedIn: SignedIn): ViewerObject {
  setSessionCookie(context.res, signedIn.sessionToken, signedIn.expiresAt, context.req.secure);
  return signedIn.viewer;
}
