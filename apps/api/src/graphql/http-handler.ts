import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';

/**
 * Apollo Server's Express integration, reduced to what the API's POST and GET /graphql need: the same
 * executeHTTPGraphQLRequest call as @as-integrations/express5, but the answer leaves with one
 * `res.end` instead of Express's `res.send`, which hashes every body for an ETag (a GraphQL answer
 * is per caller and never revalidated) and re-derives its content type. `req.body` comes from
 * express.json() mounted before it.
 */
export function graphqlHttpHandler<Context extends BaseContext>(
  server: ApolloServer<Context>,
  context: (deps: { req: Request; res: Response }) => Promise<Context>,
): RequestHandler {
  server.assertStarted('graphqlHttpHandler()');
  return async (req, res) => {
    const headers = new HeaderMap();
    for (const name in req.headers) {
      const value = req.headers[name];
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const queryAt = req.url.indexOf('?');
    const answer = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: queryAt < 0 ? '' : req.url.slice(queryAt),
        body: req.body as unknown,
      },
      context: () => context({ req, res }),
    });
    for (const [name, value] of answer.headers) res.setHeader(name, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(answer.body.string));
      res.end(answer.body.string);
      return;
    }
    // Incremental delivery (@defer): chunks as Apollo produces them.
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
