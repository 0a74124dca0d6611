import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp, type App, type AppOptions } from '../app.js';
import { loadConfig } from '../config/env.js';
import { testLogLevel } from '../config/tooling-env.js';
import { graphql } from './gql/index.js';
import { TestClock } from './test-clock.js';

export interface GraphQLResult<TData> {
  status: number;
  headers: Headers;
  data: TData | null | undefined;
  errors: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }> | undefined;
}

/** How a request authenticates: a session cookie (`aa_session=…`) or an API key. */
export interface Credentials {
  cookie?: string;
  apiKey?: string;
}

export interface SignedUpUser {
  email: string;
  password: string;
  organizationId: string;
  cookie: string;
}

export interface TestAppOptions extends Omit<AppOptions, 'clock'> {
  /** Environment overrides on top of the test defaults (fresh database, port 0, silent logs). */
  env?: Record<string, string>;
  clock?: TestClock;
}

export interface TestApp {
  /** Base URL of the running app; changes after restart(). */
  readonly url: string;
  readonly app: App;
  readonly clock: TestClock;
  /** Sends a document written with graphql(`…`) from ./gql: variables and data in the schema's types. */
  graphql<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    credentials?: Credentials,
  ): Promise<GraphQLResult<TData>>;
  /**
   * @deprecated Write the operation with graphql(`…`) from ./gql instead; kept while tests written before
   * the typed documents (issue 9) are converted.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- those tests read `data` untyped
  graphql<TData = any>(
    query: string,
    variables?: Record<string, unknown>,
    credentials?: Credentials,
  ): Promise<GraphQLResult<TData>>;
  /** Sends a query or document with variables as written: for what the schema deliberately refuses. */
  untypedGraphql(
    query: string | DocumentNode,
    variables?: Record<string, unknown>,
    credentials?: Credentials,
  ): Promise<GraphQLResult<unknown>>;
  /** Signs up a new user with a new organization (unique email); returns its session cookie. */
  signUp(overrides?: Partial<{ email: string; password: string; organizationName: string }>): Promise<SignedUpUser>;
  /** Creates an API key for the organization of the signed-in user; returns the secret. */
  createApiKey(user: SignedUpUser, name?: string): Promise<string>;
  /** Raw SQL against the test database, to assert what was (not) stored. */
  sql<TRow = Record<string, unknown>>(query: string, params?: unknown[]): Promise<TRow[]>;
  /**
   * Empties every table but the migrations' (files run one at a time, so a file may start from a
   * clean slate; tests that only look at their own organization do not need it).
   */
  resetDatabase(): Promise<void>;
  /** Stops and starts the app on the same database (a process restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

const RATE_LIMIT_VARIABLES = [
  'RATE_LIMIT_API_KEY',
  'RATE_LIMIT_ORGANIZATION',
  'RATE_LIMIT_ANONYMOUS',
  'RATE_LIMIT_SIGN_UP',
  'RATE_LIMIT_SIGN_IN',
];

/** Boots the real app in-process on a free port against this run's database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const config = loadConfig({
    DATABASE_URL: inject('databaseUrl'),
    PORT: '0',
    HOST: '127.0.0.1',
    // The port is only known after listen(); links in responses use this fixed public URL.
    PUBLIC_URL: 'http://app.test',
    LOG_LEVEL: testLogLevel(),
    // Every test calls from 127.0.0.1 on a clock that stands still: limits no suite reaches (rate-limits.test sets its own).
    ...Object.fromEntries(RATE_LIMIT_VARIABLES.map((name) => [name, '1000000/1s'])),
    // Files share 127.0.0.1 and the database: one file's failed sign-ins must not slow another's.
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000000',
    ...options.env,
  });
  const clock = options.clock ?? new TestClock();
  const boot = async () => {
    const app = await createApp(config, { ...options, clock });
    const { url } = await app.listen(0);
    return { app, url };
  };
  let running = await boot();

  const harness: TestApp = {
    get url() {
      return running.url;
    },
    get app() {
      return running.app;
    },
    clock,
    graphql(document: string | TypedDocumentNode<unknown, unknown>, variables?: unknown, credentials?: Credentials) {
      // The server answers in the document's types; the JSON itself is not checked against them.
      const query = typeof document === 'string' ? document : printed(document);
      const sent = harness.untypedGraphql(query, variables as Record<string, unknown>, credentials);
      return sent as Promise<GraphQLResult<never>>;
    },
    async untypedGraphql(document, variables, credentials = {}) {
      const query = typeof document === 'string' ? document : printed(document);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (credentials.cookie) headers.cookie = credentials.cookie;
      if (credentials.apiKey) headers.authorization = `Bearer ${credentials.apiKey}`;
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Pick<GraphQLResult<unknown>, 'data' | 'errors'>;
      return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
    },
    async signUp(overrides = {}) {
      const input = {
        email: `user-${randomUUID()}@example.com`,
        password: TEST_PASSWORD,
        organizationName: 'Test Org',
        ...overrides,
      };
      const result = await harness.graphql(
        graphql(`
          mutation HarnessSignUp($input: SignUpInput!) {
            signUp(input: $input) {
              organization {
                id
              }
            }
          }
        `),
        { input },
      );
      if (!result.data?.signUp) throw new Error(`signUp failed: ${JSON.stringify(result.errors)}`);
      return {
        email: input.email,
        password: input.password,
        organizationId: result.data.signUp.organization.id,
        cookie: sessionCookieOf(result.headers),
      };
    },
    async createApiKey(user, name = 'test key') {
      const result = await harness.graphql(
        graphql(`
          mutation HarnessCreateApiKey($name: String!) {
            createApiKey(name: $name) {
              secret
            }
          }
        `),
        { name },
        { cookie: user.cookie },
      );
      if (!result.data?.createApiKey) throw new Error(`createApiKey failed: ${JSON.stringify(result.errors)}`);
      return result.data.createApiKey.secret;
    },
    sql(query, params = []) {
      return running.app.orm.em.getConnection().execute(query, params, 'all');
    },
    async resetDatabase() {
      const tables = await harness.sql<{ tablename: string }>(
        "select tablename from pg_tables where schemaname = current_schema() and tablename <> 'mikro_orm_migrations'",
      );
      if (tables.length > 0)
        await harness.sql(`truncate ${tables.map(({ tablename }) => `"${tablename}"`).join(', ')} cascade`);
    },
    async restart() {
      await running.app.close();
      running = await boot();
    },
    stop() {
      return running.app.close();
    },
  };
  return harness;
}

/** The answer's data, or a thrown error naming the GraphQL errors when there is none. */
export function dataOf<TData>(result: GraphQLResult<TData>): TData {
  if (!result.data) throw new Error(`no data: ${JSON.stringify(result.errors)}`);
  return result.data;
}

// Printing once per document: a test may send the same document hundreds of times at once.
const printedDocuments = new WeakMap<object, string>();
function printed(document: DocumentNode): string {
  let query = printedDocuments.get(document);
  if (query === undefined) printedDocuments.set(document, (query = print(document)));
  return query;
}

/** The `name=value` pair of the session cookie a response set. */
export function sessionCookieOf(headers: Headers): string {
  const cookie = headers.getSetCookie().find((value) => value.startsWith('aa_session='));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie.split(';')[0] ?? '';
}

/**
 * Two API instances on one database and one clock, for a test file whose limits must hold across
 * instances: started before its tests, stopped after them. Read `one`/`two` inside tests only.
 */
export function twoTestApps(options: TestAppOptions): { readonly one: TestApp; readonly two: TestApp } {
  let apps: [TestApp, TestApp] | undefined;
  beforeAll(async () => {
    apps = await Promise.all([startTestApp(options), startTestApp(options)]);
  });
  afterAll(() => Promise.all(apps?.map((app) => app.stop()) ?? []));
  const started = (): [TestApp, TestApp] => {
    if (!apps) throw new Error('twoTestApps: read the apps inside a test');
    return apps;
  };
  return {
    get one() {
      return started()[0];
    },
    get two() {
      return started()[1];
    },
  };
}
