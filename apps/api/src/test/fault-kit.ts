import { createServer, type Server, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sessionCookieOf, TEST_PASSWORD, type Credentials, type TestApp } from './harness.js';

/** A metered call (one attribution run): a journey tracked through @planLimit. */
export const TRACK_JOURNEY = 'mutation ($input: JourneyInput!) { trackJourney(input: $input) { journeyId } }';

export function journeyInput(index: number): {
  touches: Array<{ channel: string; at: string }>;
  convertedAt: string;
  value: number;
} {
  const now = Date.now();
  return {
    touches: [
      { channel: 'email', at: new Date(now - 2 * 86_400_000).toISOString() },
      { channel: 'search', at: new Date(now - 86_400_000).toISOString() },
    ],
    convertedAt: new Date(now - 60_000).toISOString(),
    value: index + 1,
  };
}

/** Runs every call, `concurrency` at a time; each result is the call's own outcome. */
export async function inParallel<T>(
  count: number,
  concurrency: number,
  call: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) results[index] = await call(index);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/** What the database says an organization was charged and what it stored. */
export async function countsOf(
  databaseUrl: string,
  organizationId: string,
): Promise<{ charged: number; journeys: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const usage = await client.query<{ used: string }>(
      'select coalesce(sum(used), 0) as used from usage_counter where organization_id = $1',
      [organizationId],
    );
    const stored = await client.query<{ count: string }>(
      'select count(*) as count from journey where organization_id = $1',
      [organizationId],
    );
    return { charged: Number(usage.rows[0]?.used ?? 0), journeys: Number(stored.rows[0]?.count ?? 0) };
  } finally {
    await client.end();
  }
}

/** A call as its client saw it: answered with data, answered with errors, or no answer (socket error). */
export type HttpOutcome =
  | { kind: 'success' }
  | { kind: 'error-answer'; status: number; body: string }
  | { kind: 'network-error'; reason: string };

async function postGraphQL<TData>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: TData; errors?: unknown[] }; headers: Headers }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: TData; errors?: unknown[] },
    headers: response.headers,
  };
}

/** One metered call against a running API (in this process or another one). */
export async function trackOverHttp(url: string, apiKey: string, index: number): Promise<HttpOutcome> {
  try {
    const { status, body } = await postGraphQL<{ trackJourney?: { journeyId?: string } }>(
      url,
      TRACK_JOURNEY,
      { input: journeyInput(index) },
      { authorization: `Bearer ${apiKey}` },
    );
    if (status === 200 && body.data?.trackJourney?.journeyId && !body.errors) return { kind: 'success' };
    return { kind: 'error-answer', status, body: JSON.stringify(body) };
  } catch (error) {
    return { kind: 'network-error', reason: String((error as Error & { cause?: unknown }).cause ?? error) };
  }
}

/** A new organization and an API key of it, through the public API. */
export async function signUpOverHttp(url: string): Promise<{ organizationId: string; apiKey: string }> {
  const input = { email: `fault-${randomUUID()}@example.com`, password: TEST_PASSWORD, organizationName: 'Faults' };
  const signUp = await postGraphQL<{ signUp?: { organization?: { id?: string } } }>(
    url,
    'mutation ($input: SignUpInput!) { signUp(input: $input) { organization { id } } }',
    {
      input,
    },
  );
  const organizationId = signUp.body.data?.signUp?.organization?.id;
  if (!organizationId) throw new Error(`signUp failed: ${JSON.stringify(signUp.body)}`);
  const key = await postGraphQL<{ createApiKey?: { secret?: string } }>(
    url,
    'mutation ($name: String!) { createApiKey(name: $name) { secret } }',
    { name: 'faults' },
    { cookie: sessionCookieOf(signUp.headers) },
  );
  const apiKey = key.body.data?.createApiKey?.secret;
  if (!apiKey) throw new Error(`createApiKey failed: ${JSON.stringify(key.body)}`);
  return { organizationId, apiKey };
}

export async function trackJourney(t: TestApp, credentials: Credentials, index: number) {
  return t.graphql<{ trackJourney: { journeyId: string } }>(TRACK_JOURNEY, { input: journeyInput(index) }, credentials);
}

/** A "Stripe" that accepts connections and never answers: the SDK waits until its timeout. */
export interface HangingServer {
  port: number;
  connections(): number;
  /** Resolves once `count` connections have been accepted. */
  accepted(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startHangingServer(): Promise<HangingServer> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server: Server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    for (const waiter of waiters.filter((entry) => connections >= entry.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    connections: () => connections,
    accepted: (count) =>
      connections >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Terminates every other client connection to the database (the API's pool), as a failover or an
 * administrator would; returns how many it ended.
 */
export async function terminateConnections(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ ended: boolean }>(
      `select pg_terminate_backend(pid) as ended from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    );
    return result.rows.filter((row) => row.ended).length;
  } finally {
    await client.end();
  }
}

/**
 * `calls` metered calls spread over the APIs at `urls`, `concurrency` at a time; after every
 * `terminateEvery` answers the database ends all of their connections. Returns each call's outcome
 * and how many connections were ended.
 */
export async function meteredLoadWithTerminations(options: {
  urls: string[];
  apiKey: string;
  databaseUrl: string;
  calls: number;
  concurrency: number;
  terminateEvery: number;
}): Promise<{ outcomes: HttpOutcome[]; terminated: number }> {
  let answered = 0;
  let terminated = 0;
  let killing: Promise<void> = Promise.resolve();
  const outcomes = await inParallel(options.calls, options.concurrency, async (index) => {
    const outcome = await trackOverHttp(options.urls[index % options.urls.length]!, options.apiKey, index);
    answered += 1;
    if (answered % options.terminateEvery === 0) {
      killing = killing.then(async () => {
        terminated += await terminateConnections(options.databaseUrl);
      });
    }
    return outcome;
  });
  await killing;
  return { outcomes, terminated };
}

export function successesOf(outcomes: HttpOutcome[]): number {
  return outcomes.filter((outcome) => outcome.kind === 'success').length;
}
