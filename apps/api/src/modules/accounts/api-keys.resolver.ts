import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { principalOf, type GraphQLContext } from '../../graphql/context.js';
import { ApiKeyObject, CreatedApiKeyObject } from './accounts.types.js';

@Resolver()
export class ApiKeysResolver {
  @Authorized('ADMIN')
  @Query(() => [ApiKeyObject])
  async apiKeys(@Ctx() context: GraphQLContext): Promise<ApiKeyObject[]> {
    return context.services.apiKeys.list(principalOf(context).organizationId);
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiKeyObject)
  async createApiKey(
    @Arg('name', () => String) name: string,
    @Ctx() context: GraphQLContext,
  ): Promise<CreatedApiKeyObject> {
    return context.services.apiKeys.create(principalOf(context), name);
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKeyObject)
  async revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<ApiKeyObject> {
    return context.services.apiKeys.revoke(principalOf(context), id);
  }
}
