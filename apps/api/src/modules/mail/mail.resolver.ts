import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { MailMessageObject } from './mail.types.js';

const MAX_MESSAGES = 100;

@Resolver()
export class MailResolver {
  @Authorized('ADMIN')
  @Query(() => [MailMessageObject], { description: "The organization's most recent mails, newest first" })
  async outbox(
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @Ctx() context: GraphQLContext,
  ): Promise<MailMessageObject[]> {
    const bounded = Math.min(Math.max(limit, 1), MAX_MESSAGES);
    return context.services.mail.recent(principalOf(context).organizationId, bounded);
  }
}
