import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, type PublicErrorCode } from '../errors/domain-error.js';
import { formatError } from '../graphql/error-mapping.js';
import { answerErrors, HTTP_STATUS_OF_CODE, restErrorBody } from './rest-errors.js';

/** Every public code and the status REST answers it with; a code missing here does not compile. */
const EXPECTED_STATUS: Record<PublicErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  PLAN_LIMIT_EXCEEDED: 402,
  JOURNEY_ALLOWANCE_EXCEEDED: 402,
  FEATURE_NOT_IN_PLAN: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  RATE_LIMITED: 429,
  BILLING_PROVIDER_UNAVAILABLE: 503,
  BILLING_PORTAL_UNAVAILABLE: 503,
};
const CODES = Object.keys(EXPECTED_STATUS) as PublicErrorCode[];

class ProbeError extends DomainError {
  constructor(
    readonly code: PublicErrorCode,
    options: ConstructorParameters<typeof DomainError>[2] = {},
  ) {
    super(`probe ${code}`, `PROBE_${code}`, options);
  }
}

let url: string;
let close: () => void;
beforeAll(async () => {
  const app = express();
  app.use(pinoHttp({ logger: pino({ level: 'silent' }) }));
  app.get('/fail/:code', async (req, res) => {
    await answerErrors(req, res, async () => {
      throw new ProbeError(req.params.code as PublicErrorCode, { field: 'input.x', details: { line: 3 } });
    });
  });
  app.get('/crash', async (req, res) => {
    await answerErrors(req, res, async () => {
      throw new Error('secret internals');
    });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('the REST error edge', () => {
  it('maps every public error code to its own status, none left to a default', () => {
    expect(HTTP_STATUS_OF_CODE).toEqual(EXPECTED_STATUS);
  });

  it.each(CODES)('answers %s with its status and the GraphQL extensions plus the message', async (code) => {
    const response = await fetch(`${url}/fail/${code}`);
    expect(response.status).toBe(EXPECTED_STATUS[code]);
    const graphql = formatError(
      { message: 'unused' },
      new ProbeError(code, { field: 'input.x', details: { line: 3 } }),
    );
    expect(await response.json()).toEqual({ error: { message: graphql.message, ...graphql.extensions } });
  });

  it('writes code, reason, field and details as GraphQL does', () => {
    const body = restErrorBody(new ProbeError('NOT_FOUND', { field: 'id', details: { line: 7 } }));
    expect(body).toEqual({
      error: { message: 'probe NOT_FOUND', code: 'NOT_FOUND', reason: 'PROBE_NOT_FOUND', field: 'id', line: 7 },
    });
  });

  it('masks anything that is not a domain error', async () => {
    const response = await fetch(`${url}/crash`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' },
    });
  });
});
