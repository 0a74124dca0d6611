import { gzipSync } from 'node:zlib';
import { MAX_AMOUNT } from '@aa/attribution';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedUpUser } from '../test/harness.js';
import { postSignedWebhook, startBillingKit, type BillingKit } from '../modules/billing/test/billing-test-kit.js';

let kit: BillingKit;
let user: SignedUpUser;
beforeAll(async () => {
  kit = await startBillingKit();
  kit.t.clock.set('2026-03-15T12:00:00Z');
  user = await kit.t.signUp();
});
afterAll(() => kit.stop());

const TRACK = 'mutation ($input: JourneyInput!) { trackJourney(input: $input) { journeyId } }';
const RUN = 'mutation ($input: AttributionRunInput!) { runAttribution(input: $input) { id } }';
const JOURNEY = {
  touches: [{ channel: 'email', at: '2026-03-01T10:00:00Z' }],
  convertedAt: '2026-03-06T10:00:00Z',
  value: 10,
};

async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await kit.t.sql<Record<string, string>>(
    `select (select count(*) from journey) as journeys, (select count(*) from touch) as touches,
            (select count(*) from organization) as organizations, (select coalesce(sum(used), 0) from usage_counter) as used,
            (select count(*) from stripe_webhook_event) as webhooks, (select count(*) from attribution_report) as reports`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [key, Number(value)]));
}

async function post(path: string, body: string | Buffer, headers: Record<string, string>) {
  const response = await fetch(`${kit.t.url}${path}`, {
    method: 'POST',
    headers: { cookie: user.cookie, ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text };
}

interface GqlResult {
  status: number;
  errors?: Array<{ extensions?: Record<string, unknown> }>;
}

/** A GraphQL call as sent, signed in as the test's user unless `cookie` says otherwise. */
async function gql(query: string, variables: Record<string, unknown> = {}, cookie = user.cookie): Promise<GqlResult> {
  const response = await fetch(`${kit.t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: GqlResult['errors'] };
  return { status: response.status, errors: body.errors };
}

/**
 * GraphQL's contract: a request refused before execution (syntax, validation, coercion, NUL) answers
 * 400; a field's typed error (the resolver refused its input) answers 200 with `extensions.code`.
 */
function expectRefused(result: GqlResult, status: number) {
  expect(result.status).toBe(status);
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
}

describe('bad input answers a typed 4xx and stores nothing', () => {
  it.each([
    ['a NUL byte in a channel', { ...JOURNEY, touches: [{ channel: 'em\u0000ail', at: '2026-03-01T10:00:00Z' }] }, 400],
    ['value 1e308', { ...JOURNEY, value: 1e308 }, 200],
    ['a value above the maximum', { ...JOURNEY, value: 1e12 + 1 }, 200],
    ['a negative value', { ...JOURNEY, value: -1 }, 200],
    ['value Infinity (1e400 in JSON)', { ...JOURNEY, value: '__INF__' }, 400],
    ['a conversion in year 0', { ...JOURNEY, convertedAt: '0000-06-01T00:00:00Z' }, 200],
    [
      'a touch in year 0',
      { ...JOURNEY, touches: [{ channel: 'email', at: '0000-01-01T00:00:00Z' }], convertedAt: '0001-01-01T00:00:00Z' },
      200,
    ],
  ])('trackJourney with %s: BAD_USER_INPUT, no journey, no unit used', async (_name, input, status) => {
    const before = await rowCounts();
    const body = JSON.stringify({ query: TRACK, variables: { input } }).replace('"__INF__"', '1e400');
    const response = await post('/graphql', body, { 'content-type': 'application/json' });
    expectRefused({ status: response.status, errors: JSON.parse(response.body).errors }, status);
    expect(await rowCounts()).toEqual(before);
  });

  it('accepts value 0, -0 (stored as 0) and the documented maximum', async () => {
    for (const value of [0, -0, MAX_AMOUNT]) {
      const result = await gql(TRACK, { input: { ...JOURNEY, value } });
      expect(result.errors, String(value)).toBeUndefined();
    }
  });

  it.each([
    [
      'NUL in the organization name',
      { email: 'nul-org@example.com', password: 'long enough pw', organizationName: 'A\u0000B' },
    ],
    ['NUL in the email', { email: 'nul\u0000@example.com', password: 'long enough pw', organizationName: 'A' }],
    ['NUL in the password', { email: 'nul-pw@example.com', password: 'long\u0000enough pw', organizationName: 'A' }],
  ])('signUp with %s: BAD_USER_INPUT (400)', async (_name, input) => {
    const before = await rowCounts();
    const result = await gql('mutation ($input: SignUpInput!) { signUp(input: $input) { role } }', { input }, '');
    expectRefused(result, 400);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a lone surrogate, which jsonb cannot store and text would turn into U+FFFD', async () => {
    const result = await gql('mutation ($name: String!) { createApiKey(name: $name) { secret } }', {
      name: 'key \uD800',
    });
    expectRefused(result, 400);
  });

  it('answers more than 50 invalid variables (graphql-js stops counting) with BAD_USER_INPUT, not INTERNAL_SERVER_ERROR', async () => {
    const touches = Array.from({ length: 60 }, () => ({ channel: null, at: null }));
    const result = await gql(TRACK, { input: { ...JOURNEY, touches } });
    expect(result.status).toBe(400);
    expect(new Set(result.errors?.map((error) => error.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it('refuses a NUL byte written inline in the query, not only in variables', async () => {
    const result = await gql('mutation { createApiKey(name: "a\\u0000b") { secret } }');
    expectRefused(result, 400);
  });

  it.each([
    ['a window starting in year 0', { models: ['LAST_TOUCH'], from: '0000-01-01T00:00:00Z' }],
    ['a window ending in year 0', { models: ['LAST_TOUCH'], to: '0000-12-31T00:00:00Z' }],
  ])('runAttribution with %s: BAD_USER_INPUT (400), no unit used', async (_name, input) => {
    const before = await rowCounts();
    const result = await gql(RUN, { input });
    expectRefused(result, 200);
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    [
      'a cursor dated before year 1',
      Buffer.from(`-001000-01-01T00:00:00.000Z|${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`),
    ],
    ['a cursor with a malformed id', Buffer.from(`2026-01-01T00:00:00.000Z|${'-'.repeat(36)}`)],
    ['a cursor of NUL bytes', Buffer.from('\u0000'.repeat(40))],
  ])('attributionReports after %s: BAD_USER_INPUT (400)', async (_name, cursor) => {
    const result = await gql('query ($after: String) { attributionReports(after: $after) { edges { cursor } } }', {
      after: cursor.toString('base64url'),
    });
    expectRefused(result, 200);
  });

  it.each([
    ['a GraphQL syntax error', '{ me { ', 'GRAPHQL_PARSE_FAILED'],
    ['more tokens than the limit', `{ ${'__typename '.repeat(2000)}}`, 'GRAPHQL_PARSE_FAILED'],
  ])('%s answers HTTP 400', async (_name, query, code) => {
    const result = await gql(query);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
  });

  it.each([
    [
      'an unknown Content-Encoding',
      { 'content-encoding': 'x-unknown' },
      '{"query":"{ plans { tier } }"}',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['corrupt gzip', { 'content-encoding': 'gzip' }, Buffer.from('not gzip at all'), 400, 'BAD_REQUEST'],
    [
      'a non-UTF-8 charset',
      { 'content-type': 'application/json; charset=latin1' },
      '{"query":"{ plans { tier } }"}',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ])('/graphql with %s: %i %s', async (_name, headers, body, status, code) => {
    const response = await post('/graphql', body, { 'content-type': 'application/json', ...headers });
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body).errors[0].extensions.code).toBe(code);
  });

  it('/graphql accepts a well-formed gzip body', async () => {
    const response = await post('/graphql', gzipSync('{"query":"{ plans { tier } }"}'), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(response.status).toBe(200);
  });

  it.each([
    [
      'a value overflowing to Infinity',
      'journey_id,channel,touched_at,milestone,converted_at,value\nj1,email,2026-03-01T00:00:00Z,,2026-03-02T00:00:00Z,1e400\n',
    ],
    [
      'a value above the maximum',
      'journey_id,channel,touched_at,milestone,converted_at,value\nj1,email,2026-03-01T00:00:00Z,,2026-03-02T00:00:00Z,1e13\n',
    ],
    [
      'path conversions overflowing to Infinity',
      'path;total_conversions;total_conversion_value;total_null\na > b;1e999;0;0\n',
    ],
    [
      'a touch in year 0',
      'journey_id,channel,touched_at,milestone,converted_at,value\nj1,email,0000-03-01T00:00:00Z,,2026-03-02T00:00:00Z,1\n',
    ],
    [
      'a NUL byte in a channel',
      'journey_id,channel,touched_at,milestone,converted_at,value\nj1,em\u0000ail,2026-03-01T00:00:00Z,,2026-03-02T00:00:00Z,1\n',
    ],
  ])('POST /imports/journeys with %s: 400 BAD_USER_INPUT, nothing stored', async (_name, csv) => {
    const before = await rowCounts();
    const response = await post('/imports/journeys', csv, { 'content-type': 'text/csv' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.code).toBe('BAD_USER_INPUT');
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['an unknown Content-Encoding', { 'content-type': 'text/csv', 'content-encoding': 'x-unknown' }],
    ['gzip', { 'content-type': 'text/csv', 'content-encoding': 'gzip' }],
    ['a non-UTF-8 charset', { 'content-type': 'text/csv; charset=latin1' }],
  ])('POST /imports/journeys with %s: 415, nothing stored', async (_name, headers) => {
    const before = await rowCounts();
    const csv = 'path;total_conversions;total_conversion_value;total_null\na > b;1;2;0\n';
    const response = await post('/imports/journeys', csv, headers);
    expect(response.status).toBe(415);
    expect(JSON.parse(response.body).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['a JSON array', '[{"id":"evt_1","type":"invoice.paid"}]'],
    ['an event without id', JSON.stringify({ object: 'event', type: 'invoice.paid', data: { object: {} } })],
    ['a JSON string', '"evt_1"'],
    [
      'a NUL byte in a string',
      JSON.stringify({ id: 'evt_nul', object: 'event', type: 'x\u0000', data: { object: {} } }),
    ],
    [
      'a lone surrogate',
      JSON.stringify({ id: 'evt_sur', object: 'event', type: 'x', data: { object: { a: '\uD800' } } }),
    ],
    [
      'a type longer than its column',
      JSON.stringify({ id: 'evt_long', object: 'event', type: 'x'.repeat(129), data: {} }),
    ],
  ])('a signed webhook that is %s: 400, nothing recorded', async (_name, payload) => {
    const before = await rowCounts();
    const response = await postSignedWebhook(kit.t.url, payload);
    expect(response.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });
});

it('answers variables nested 5,000 levels deep without a stack overflow', async () => {
  const nested = (leaf: string) => `${'{"a":'.repeat(5000)}${leaf}${'}'.repeat(5000)}`;
  const send = (leaf: string) =>
    post('/graphql', `{"query":"{ plans { tier } }","variables":${nested(leaf)}}`, {
      'content-type': 'application/json',
    });
  const refused = await send('"\\u0000"');
  expectRefused({ status: refused.status, errors: JSON.parse(refused.body).errors }, 400);
  // An undeclared variable is ignored, however deep.
  const ignored = await send('1');
  expect(ignored.status).toBe(200);
  expect(JSON.parse(ignored.body).errors).toBeUndefined();
});
