import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateSync, gzipSync } from 'node:zlib';
import { buildSchema, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HTTP_STATUS_OF_CODE } from '../http/rest-errors.js';
import { postSignedWebhook, startBillingKit, type BillingKit } from '../modules/billing/test/billing-test-kit.js';
import type { SignedUpUser } from '../test/harness.js';
import { HOSTILE_DATES, HOSTILE_STRINGS, Rng, documentFor, hostileJson, valueFor } from './hostile-values.js';

/*
 * Sends a few thousand generated hostile inputs to every query and mutation argument of the schema,
 * the REST import, the webhook route, and malformed envelopes and encodings, and checks that every
 * answer is typed (a GraphQL field's refusal is 200 with extensions.code, a request refused before
 * execution a 4xx), that nothing answers 5xx or INTERNAL_SERVER_ERROR, that the server still answers
 * afterwards, and that a batch of calls that were all refused wrote nothing. FUZZ_SEED replays a run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const GRAPHQL_CALLS = 1650;
const IMPORTS = 200;
const WEBHOOKS = 150;
const CONCURRENCY = 16;

/** Codes an answer may carry: every domain code (rest-errors.ts types them all), GraphQL's and the HTTP edge's. */
const TYPED_CODES = new Set([
  ...Object.keys(HTTP_STATUS_OF_CODE),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
]);
/**
 * Tables a refused call must leave as they were (sign-in throttling and rate-limit buckets count
 * refusals by design; webhook events arrive from the emulator at any time, so refused deliveries
 * are checked by their ids instead).
 */
const WATCHED_TABLES = [
  'organization',
  'app_user',
  'api_key',
  'journey',
  'touch',
  'journey_path',
  'journey_import',
  'attribution_report',
];

interface Outcome {
  label: string;
  /** Whether the call could write (a mutation, an import, a webhook). */
  writes: boolean;
  refused: boolean;
}

let kit: BillingKit;
let user: SignedUpUser;
let apiKey: string;
let countSql: string;
const failures: string[] = [];
const refusedEventIds: string[] = [];
const rng = new Rng(SEED);

beforeAll(async () => {
  kit = await startBillingKit();
  kit.t.clock.set('2026-03-15T12:00:00Z');
  user = await kit.t.signUp();
  apiKey = await kit.t.createApiKey(user);
  const existing = new Set(
    (await kit.t.sql<{ tablename: string }>('select tablename from pg_tables where schemaname = current_schema()')).map(
      (row) => row.tablename,
    ),
  );
  const counts = WATCHED_TABLES.filter((table) => existing.has(table)).map(
    (table) => `(select count(*) from ${table}) as ${table}`,
  );
  countSql = `select ${counts.join(', ')}, (select coalesce(sum(used), 0) from usage_counter) as usage_used`;
});
afterAll(() => kit.stop());

async function rowCounts(): Promise<string> {
  return JSON.stringify(await kit.t.sql(countSql));
}

function fail(label: string, why: string, status: number, text: string): void {
  failures.push(`${label}: ${why} (HTTP ${status}) ${text.slice(0, 300)}`);
}

function credentials(): Record<string, string> {
  const roll = rng.next();
  if (roll < 0.5) return { cookie: user.cookie };
  if (roll < 0.8) return { authorization: `Bearer ${apiKey}` };
  if (roll < 0.9) return {};
  if (roll < 0.95)
    return { authorization: rng.pick(['Bearer aa_live_forged', 'Bearer ', 'Basic x', `Bearer ${'k'.repeat(5000)}`]) };
  return { cookie: rng.pick(['aa_session=forged', 'aa_session=', 'aa_session=%00']) };
}

async function send(
  method: string,
  path: string,
  body: string | Buffer | undefined,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${kit.t.url}${path}`, { method, headers, body });
  return { status: response.status, text: await response.text() };
}

/** A GraphQL answer: typed errors only, a 4xx never without errors; refused when no field returned data. */
function judgeGraphQL(label: string, writes: boolean, status: number, text: string): Outcome {
  let body: { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: { code?: unknown } }> };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    fail(label, 'not JSON', status, text);
    return { label, writes, refused: status >= 400 };
  }
  if (status >= 500) fail(label, '5xx', status, text);
  const errors = body.errors ?? [];
  for (const error of errors) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !TYPED_CODES.has(code))
      fail(label, `untyped error code ${String(code)}`, status, text);
  }
  if (status >= 400 && errors.length === 0) fail(label, '4xx without errors', status, text);
  const data = body.data;
  const refused = errors.length > 0 && (data == null || Object.values(data).every((value) => value === null));
  return { label, writes, refused };
}

/** A REST answer: 2xx, or a 4xx whose body names a typed code (REST's error.code or the GraphQL shape of body errors). */
function judgeRest(label: string, status: number, text: string): Outcome {
  if (status >= 500) fail(label, '5xx', status, text);
  if (status >= 400) {
    let code: unknown;
    try {
      const body = JSON.parse(text) as {
        error?: { code?: unknown };
        errors?: Array<{ extensions?: { code?: unknown } }>;
      };
      code = body.error?.code ?? body.errors?.[0]?.extensions?.code;
    } catch {
      code = undefined;
    }
    if (typeof code !== 'string' || !TYPED_CODES.has(code))
      fail(label, `untyped error code ${String(code)}`, status, text);
  }
  return { label, writes: true, refused: status >= 400 };
}

/** Runs calls CONCURRENCY at a time; a batch whose every writing call was refused must leave the watched rows as they were. */
async function runBatches(calls: Array<() => Promise<Outcome>>): Promise<void> {
  for (let start = 0; start < calls.length; start += CONCURRENCY) {
    const before = await rowCounts();
    const outcomes = await Promise.all(
      calls.slice(start, start + CONCURRENCY).map((call) =>
        call().catch((error: unknown): Outcome => {
          failures.push(`call threw (connection dropped?): ${String(error)}`);
          return { label: 'threw', writes: false, refused: false };
        }),
      ),
    );
    const writers = outcomes.filter((outcome) => outcome.writes);
    if (writers.every((outcome) => outcome.refused)) {
      const after = await rowCounts();
      if (after !== before) {
        failures.push(`refused calls wrote rows: ${before} -> ${after}: ${writers.map((w) => w.label).join(' | ')}`);
      }
    }
  }
}

function graphqlCalls(): Array<() => Promise<Outcome>> {
  const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
  const fields: Array<{ operation: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }> = [
    ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({ operation: 'query' as const, field })),
    ...Object.values(schema.getMutationType()?.getFields() ?? {})
      // signOut would end the session the other calls use; it takes no argument to fuzz.
      .filter((field) => field.name !== 'signOut')
      .map((field) => ({ operation: 'mutation' as const, field })),
  ];
  return Array.from({ length: GRAPHQL_CALLS }, (_, i) => {
    const { operation, field } = fields[i % fields.length]!;
    const query = documentFor(operation, field);
    const hostility = rng.pick([0.2, 0.5, 0.9]);
    const variables = Object.fromEntries(field.args.map((arg) => [arg.name, valueFor(arg.type, rng, hostility)]));
    const headers = { 'content-type': 'application/json', ...credentials() };
    const body = hostileJson({ query, variables });
    const label = `${field.name} ${body.slice(0, 160)}`;
    return async () => {
      const { status, text } = await send('POST', '/graphql', body, headers);
      return judgeGraphQL(label, operation === 'mutation', status, text);
    };
  });
}

const VALID_QUERY = '{ plans { tier } }';

/** Envelopes, content types, methods, encodings and documents no client should send. */
function envelopeCalls(): Array<() => Promise<Outcome>> {
  const json = { 'content-type': 'application/json' };
  const valid = JSON.stringify({ query: VALID_QUERY });
  const cases: Array<[string, string, string | Buffer | undefined, Record<string, string>]> = [
    ['POST', '/graphql', '', json],
    ['POST', '/graphql', 'not json', json],
    ['POST', '/graphql', '{', json],
    ['POST', '/graphql', '[]', json],
    ['POST', '/graphql', `[${valid},${valid}]`, json],
    ['POST', '/graphql', '"a string"', json],
    ['POST', '/graphql', 'null', json],
    ['POST', '/graphql', '{}', json],
    ['POST', '/graphql', '{"query":5}', json],
    ['POST', '/graphql', '{"query":null}', json],
    ['POST', '/graphql', `{"query":"${VALID_QUERY}","variables":"x"}`, json],
    ['POST', '/graphql', `{"query":"${VALID_QUERY}","variables":[1]}`, json],
    ['POST', '/graphql', `{"query":"${VALID_QUERY}","operationName":5}`, json],
    ['POST', '/graphql', `{"query":"${VALID_QUERY}","operationName":"Missing"}`, json],
    ['POST', '/graphql', '{"query":"query A { plan { tier } } query B { plan { tier } }"}', json],
    [
      'POST',
      '/graphql',
      `{"query":"${VALID_QUERY}","extensions":{"persistedQuery":{"version":1,"sha256Hash":"x"}}}`,
      json,
    ],
    ['POST', '/graphql', '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}', json],
    ['POST', '/graphql', '['.repeat(100_000), json],
    ['POST', '/graphql', `{"query":"${VALID_QUERY}","variables":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, json],
    ['POST', '/graphql', valid, { 'content-type': 'text/plain' }],
    ['POST', '/graphql', valid, { 'content-type': 'application/x-www-form-urlencoded' }],
    ['POST', '/graphql', valid, { 'content-type': 'multipart/form-data; boundary=x' }],
    ['POST', '/graphql', VALID_QUERY, { 'content-type': 'application/graphql' }],
    ['POST', '/graphql', valid, {}],
    ['POST', '/graphql', valid, { 'content-type': 'application/json; charset=utf-16' }],
    ['POST', '/graphql', valid, { 'content-type': 'application/json; charset=latin1' }],
    ['POST', '/graphql', valid, { 'content-type': 'application/json; charset=nonsense' }],
    ['POST', '/graphql', gzipSync(valid), { ...json, 'content-encoding': 'gzip' }],
    ['POST', '/graphql', deflateSync(valid), { ...json, 'content-encoding': 'deflate' }],
    ['POST', '/graphql', Buffer.from('corrupt'), { ...json, 'content-encoding': 'gzip' }],
    ['POST', '/graphql', Buffer.from('corrupt'), { ...json, 'content-encoding': 'deflate' }],
    ['POST', '/graphql', Buffer.from('corrupt'), { ...json, 'content-encoding': 'br' }],
    ['POST', '/graphql', gzipSync(valid).subarray(0, 12), { ...json, 'content-encoding': 'gzip' }],
    ['POST', '/graphql', valid, { ...json, 'content-encoding': 'compress' }],
    ['POST', '/graphql', valid, { ...json, 'content-encoding': 'x-unknown' }],
    ['POST', '/graphql', gzipSync(gzipSync(valid)), { ...json, 'content-encoding': 'gzip, gzip' }],
    ['GET', `/graphql?query=${encodeURIComponent(VALID_QUERY)}`, undefined, { 'apollo-require-preflight': '1' }],
    [
      'GET',
      `/graphql?query=${encodeURIComponent('mutation { signOut }')}`,
      undefined,
      { 'apollo-require-preflight': '1' },
    ],
    ['GET', '/graphql?query=%7B', undefined, { 'apollo-require-preflight': '1' }],
    ['GET', '/graphql?variables=%7B', undefined, { 'apollo-require-preflight': '1' }],
    ['PUT', '/graphql', valid, json],
    ['DELETE', '/graphql', undefined, {}],
  ];
  const documents = [
    `{ ${'__typename '.repeat(1200)}}`,
    `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: plans { tier }`).join(' ')} }`,
    `{ plans { tier ${'@skip(if: false) '.repeat(200)} } }`,
    'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
    '{ nope }',
    '{ plans(tiers: [ENTERPRISE]) { tier } }',
    '{ plans { tier } } { plans { tier } }',
    'subscription { plans { tier } }',
    '{ __schema { types { name fields { name args { name } } } } }',
    '{ attributionReports(first: 2147483648) { edges { cursor } } }',
    '{ attributionReports(first: -1, after: "AAAA") { edges { cursor } } }',
    'mutation { createApiKey(name: "a\\u0000b") { secret } }',
    'mutation { trackJourney(input: { touches: [], convertedAt: "0000-01-01T00:00:00Z", value: 1e308 }) { journeyId } }',
    '{ journey(id: "x\\u0000") { id } }',
    `{ me { user { email } } ${'#'.repeat(100_000)} }`,
  ];
  for (const document of documents) cases.push(['POST', '/graphql', JSON.stringify({ query: document }), json]);
  // Valid documents cut at random places: syntax errors of every kind.
  const schemaDocuments = [
    '{ me { user { id email } organization { name } role } }',
    'mutation ($n: String!) { createApiKey(name: $n) { secret } }',
  ];
  for (let i = 0; i < 40; i++) {
    const document = rng.pick(schemaDocuments);
    cases.push(['POST', '/graphql', JSON.stringify({ query: document.slice(0, rng.int(document.length)) }), json]);
  }
  return cases.map(([method, path, body, headers]) => {
    const label = `${method} ${path.slice(0, 80)} ${JSON.stringify(headers)} ${String(body ?? '').slice(0, 80)}`;
    const withCredentials = { ...headers, cookie: user.cookie };
    return async () => {
      const { status, text } = await send(method, path, body, withCredentials);
      // GET and other methods Apollo refuses before JSON; a 4xx without a GraphQL body is still typed by status.
      if (status >= 500) fail(label, '5xx', status, text);
      if (text.startsWith('{')) return judgeGraphQL(label, true, status, text);
      if (status < 400 || status === 404 || status === 405) return { label, writes: true, refused: status >= 400 };
      fail(label, 'a 4xx without a typed body', status, text);
      return { label, writes: true, refused: true };
    };
  });
}

const JOURNEY_ROW = ['j1', 'email', '2026-03-01T00:00:00Z', '', '2026-03-02T00:00:00Z', '10'];
const NUMBER_TEXTS = ['1e400', '-1', 'NaN', '0x10', '', '1e12', '1e13', 'Infinity', '1,5', '00', '+1', '1e-400'];

function csvBody(): string | Buffer {
  const roll = rng.next();
  if (roll < 0.05) return randomBytes(rng.int(5000));
  if (roll < 0.08)
    return `path;total_conversions;total_conversion_value;total_null\n${'a > '.repeat(300_000)}b;1;1;0\n`;
  const pathRows = rng.chance(0.5);
  const header = rng.chance(0.9)
    ? pathRows
      ? 'path;total_conversions;total_conversion_value;total_null'
      : 'journey_id,channel,touched_at,milestone,converted_at,value'
    : rng.pick(HOSTILE_STRINGS.slice(0, 8));
  const lines = [header];
  for (let i = 0; i < 1 + rng.int(12); i++) {
    if (pathRows) {
      const fields = ['a > b', '1', '10', '0'];
      const at = rng.int(4);
      fields[at] = at === 0 ? rng.pick(HOSTILE_STRINGS.slice(0, 10)) : rng.pick(NUMBER_TEXTS);
      lines.push(fields.join(rng.chance(0.9) ? ';' : ','));
    } else {
      const fields = [...JOURNEY_ROW];
      fields[0] = `j${i}`;
      const at = rng.int(6);
      fields[at] =
        at === 2 || at === 4
          ? String(rng.pick(HOSTILE_DATES))
          : at === 5
            ? rng.pick(NUMBER_TEXTS)
            : rng.pick(HOSTILE_STRINGS.slice(0, 10));
      lines.push(fields.join(','));
    }
  }
  return lines.join(rng.chance(0.8) ? '\n' : '\r\n');
}

function importCalls(): Array<() => Promise<Outcome>> {
  return Array.from({ length: IMPORTS }, () => {
    const body = csvBody();
    const headers: Record<string, string> = {
      'content-type': rng.pick([
        'text/csv',
        'text/csv',
        'text/csv',
        'text/csv; charset=utf-8',
        'text/csv; charset=latin1',
        'application/json',
        'text/plain',
      ]),
      ...credentials(),
    };
    if (rng.chance(0.08)) headers['content-encoding'] = rng.pick(['gzip', 'br', 'x-unknown']);
    const label = `POST /imports/journeys ${JSON.stringify(headers['content-type'])} ${String(body).slice(0, 120)}`;
    return async () => {
      const { status, text } = await send('POST', '/imports/journeys', body, headers);
      return judgeRest(label, status, text);
    };
  });
}

function webhookPayload(): string {
  const event = {
    id: `evt_fuzz_${rng.int(1e9)}`,
    object: 'event',
    type: rng.pick(['fuzz.unknown', 'customer.unknown_thing', 'x'.repeat(300)]),
    created: 1_773_000_000,
    data: { object: { id: 'x', object: 'thing' } },
  } as Record<string, unknown>;
  switch (rng.int(9)) {
    case 0:
      return JSON.stringify([event]);
    case 1:
      delete event.id;
      return JSON.stringify(event);
    case 2:
      return JSON.stringify({ ...event, id: 42 });
    case 3:
      delete event.type;
      return JSON.stringify(event);
    case 4:
      return JSON.stringify({ ...event, type: 'x\u0000' });
    case 5:
      return rng.pick(['"evt"', 'null', '42', 'not json', '']);
    case 6:
      return JSON.stringify({ ...event, data: { object: { note: rng.pick(HOSTILE_STRINGS) } } });
    default:
      return JSON.stringify(event);
  }
}

/** The id a refused payload names, if any, to check it was not recorded. */
function eventIdOf(payload: string): string[] {
  try {
    const { id } = JSON.parse(payload) as { id?: unknown };
    return typeof id === 'string' ? [id] : [];
  } catch {
    return [];
  }
}

function webhookCalls(): Array<() => Promise<Outcome>> {
  return Array.from({ length: WEBHOOKS }, () => {
    const payload = webhookPayload();
    const signed = rng.chance(0.85);
    const label = `POST /webhooks/stripe ${signed ? 'signed' : 'unsigned'} ${payload.slice(0, 120)}`;
    return async () => {
      const response = signed
        ? await postSignedWebhook(kit.t.url, payload)
        : await fetch(`${kit.t.url}/webhooks/stripe`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=forged' },
            body: payload,
          });
      const text = await response.text();
      if (![200, 400].includes(response.status)) fail(label, 'neither 200 nor 400', response.status, text);
      if (response.status === 400) refusedEventIds.push(...eventIdOf(payload));
      return { label, writes: true, refused: response.status >= 400 };
    };
  });
}

it(`answers a few thousand hostile inputs with typed 4xx only and writes nothing on refusal (seed ${SEED})`, async () => {
  const calls = [...graphqlCalls(), ...envelopeCalls(), ...importCalls(), ...webhookCalls()];
  // Interleaved, so a batch mixes kinds as real traffic does.
  const shuffled = calls.map((call) => ({ call, key: rng.next() })).sort((a, b) => a.key - b.key);
  await runBatches(shuffled.map(({ call }) => call));

  expect(calls.length).toBeGreaterThan(2000);
  expect(failures.slice(0, 15), `seed ${SEED}: ${failures.length} failures`).toEqual([]);
  expect(refusedEventIds.length).toBeGreaterThan(0);
  // The ORM expands an array parameter into a list.
  const recorded = await kit.t.sql('select id from stripe_webhook_event where id in (?)', [refusedEventIds]);
  expect(recorded).toEqual([]);
  // Still up, and still serving the session it started with.
  expect((await fetch(`${kit.t.url}/healthz`)).status).toBe(200);
  const me = await send('POST', '/graphql', JSON.stringify({ query: '{ me { organization { id } } }' }), {
    'content-type': 'application/json',
    cookie: user.cookie,
  });
  expect(JSON.parse(me.text)).toEqual({ data: { me: { organization: { id: user.organizationId } } } });
}, 300_000);
