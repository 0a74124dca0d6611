import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrackJourneyDocument, UsageDocument } from '../gql/graphql.js';
import { createApolloClient } from './apollo.js';
import type { ErrorReaction } from './graphql-errors.js';

// A real HTTP server answering the way the API does, so the whole link chain runs:
// Apollo's HttpLink parsing of non-2xx bodies included.
type Reply = { status: number; contentType: string; body: string };
let nextReply: Reply;
let server: Server;
let uri: string;

function graphqlReply(status: number, errors: object[]): Reply {
  return {
    status,
    contentType: 'application/graphql-response+json; charset=utf-8',
    body: JSON.stringify({ data: null, errors }),
  };
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(nextReply.status, { 'content-type': nextReply.contentType });
      res.end(nextReply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  uri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function reactionsTo(
  reply: Reply,
  run: (client: ReturnType<typeof createApolloClient>) => Promise<unknown>,
): Promise<ErrorReaction[]> {
  nextReply = reply;
  const reactions: ErrorReaction[] = [];
  const client = createApolloClient({ uri, onReaction: (reaction) => reactions.push(reaction) });
  await run(client).catch(() => null);
  return reactions;
}

const trackJourney = (client: ReturnType<typeof createApolloClient>) =>
  client.mutate({
    mutation: TrackJourneyDocument,
    variables: {
      input: { touches: [{ channel: 'Email', at: '2026-11-01T00:00:00Z' }], convertedAt: '2026-11-02T00:00:00Z' },
    },
  });

describe('the Apollo error link', () => {
  it('turns a 402 PLAN_LIMIT_EXCEEDED answer into the upgrade prompt', async () => {
    const reply = graphqlReply(402, [
      {
        message: 'Limit reached',
        extensions: {
          code: 'PLAN_LIMIT_EXCEEDED',
          used: 500,
          limit: 500,
          plan: 'FREE',
          upgradeUrl: 'http://localhost:4000/pricing',
        },
      },
    ]);
    const reactions = await reactionsTo(reply, trackJourney);
    expect(reactions).toEqual([
      {
        kind: 'upgrade',
        details: {
          code: 'PLAN_LIMIT_EXCEEDED',
          message: 'Limit reached',
          plan: 'FREE',
          upgradeUrl: '/pricing',
          used: 500,
          limit: 500,
        },
      },
    ]);
  });

  it('turns a 402 with a plain JSON body into the upgrade prompt too', async () => {
    const reply = { status: 402, contentType: 'text/plain', body: 'Payment Required' };
    const reactions = await reactionsTo(reply, trackJourney);
    expect(reactions).toMatchObject([
      { kind: 'upgrade', details: { code: 'PLAN_LIMIT_EXCEEDED', upgradeUrl: '/pricing' } },
    ]);
  });

  it('turns UNAUTHENTICATED into a sign-in redirect', async () => {
    const reply = graphqlReply(200, [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }]);
    const reactions = await reactionsTo(reply, (client) => client.query({ query: UsageDocument }));
    expect(reactions).toEqual([{ kind: 'sign-in' }]);
  });

  it('leaves validation errors to the form', async () => {
    const reply = graphqlReply(400, [{ message: 'Touches must not be empty', extensions: { code: 'BAD_USER_INPUT' } }]);
    expect(await reactionsTo(reply, trackJourney)).toEqual([]);
  });
});
