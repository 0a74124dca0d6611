import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Request, RequestHandler, Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { authenticateRequest, type Principal } from '../modules/accounts/index.js';
import type { EntitlementsReader } from '../modules/entitlements/index.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Services } from '../services.js';
import type { GraphQLContext } from './context.js';
import { formatError } from './error-mapping.js';
import { graphqlHttpHandler } from './http-handler.js';
import { errorReportingPlugin } from './plugins/error-reporting.plugin.js';
import { httpStatusPlugin } from './plugins/http-status.plugin.js';
import { storableTextPlugin } from './plugins/storable-text.plugin.js';

/** graphql-armor's default: far above any query the SPA or a client sends. */
export const MAX_TOKENS = 1000;

export interface GraphQLServer {
  server: ApolloServer<GraphQLContext>;
  middleware: RequestHandler;
}

export async function startGraphQLServer(
  schema: GraphQLSchema,
  httpServer: Server,
  services: Services,
  metrics: Metrics,
): Promise<GraphQLServer> {
  // Depth, cost, alias and token limits keep one request from costing the server more than a page of data.
  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    costLimit: { maxCost: 5000 },
    maxAliases: { n: 15 },
    // graphql-armor's token limit parses every document a second time in a hook whose errors Apollo
    // answers 500, syntax errors included; graphql-js's own limit (parseOptions) fails the one parse, 400.
    maxTokens: { enabled: false },
  }).protect();
  // graphql-armor's typings point at Apollo's CommonJS build; the plugins themselves are context-agnostic.
  const armorPlugins = armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[];
  const server = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown (HTTP, Apollo, database in order); Apollo would otherwise re-raise SIGTERM.
    stopOnTerminationSignals: false,
    plugins: [
      ...armorPlugins,
      storableTextPlugin(),
      httpStatusPlugin(),
      errorReportingPlugin(metrics),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The default landing page loads Apollo Sandbox from Apollo's CDN; the app calls no outside hosts.
      ApolloServerPluginLandingPageDisabled(),
      // Apollo installs cache control by default: a hook on every field's resolution, for Cache-Control
      // headers the API never sends (answers are per caller). Usage reporting would call Apollo's servers.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
    ],
  });
  await server.start();
  const middleware = graphqlHttpHandler(
    server,
    async ({ req, res }) =>
      new RequestContext(
        String(req.id),
        await authenticateRequest(req, services),
        services,
        services.entitlements.forRequest(),
        req,
        res,
      ),
  );
  return { server, middleware };
}

/**
 * A request's context. `log` is a getter on the prototype: Apollo copies the context's own properties
 * for each operation (Object.assign), which would call an own getter and build every request's child
 * logger, work most requests never need.
 */
class RequestContext implements GraphQLContext {
  constructor(
    readonly requestId: string,
    readonly principal: Principal | null,
    readonly services: Services,
    readonly entitlements: EntitlementsReader,
    readonly req: Request,
    readonly res: Response,
  ) {}

  get log(): Logger {
    return this.req.log;
  }
}
