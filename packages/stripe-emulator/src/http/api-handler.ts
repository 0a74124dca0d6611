import type { IncomingMessage, ServerResponse } from 'node:http';
import { ID_PREFIX, newId } from '../ids.js';
import { API_VERSION } from '../webhooks/event-bus.js';
import { StripeApiError } from './errors.js';
import { expandResponse } from './expand.js';
import { decodeForm, type FormObject } from './form-decoding.js';
import { IdempotencyCache } from './idempotency.js';
import { runInRequest, type RequestInfo } from './request-context.js';
import { matchPath, type ApiRoute, type HttpMethod, type RouteContext } from './route.js';
import { readBody, sendJson } from './io.js';

type ContextFactory = (path: Record<string, string>) => RouteContext;

const LIVE_SECRET_KEY_PREFIX = 'sk_live_';

/** Stripe accepts its key as a Bearer token or as the Basic-auth user name (`curl -u sk_test_…:`). */
function apiKeyOf(request: IncomingMessage): string | null {
  const header = request.headers.authorization ?? '';
  if (header.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  if (header.startsWith('Basic ')) {
    return Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8').split(':')[0] ?? null;
  }
  return null;
}

/** The key's mode: Stripe keeps test and live data apart, and a key sees only its own mode's. */
function authenticate(request: IncomingMessage): { livemode: boolean } {
  const key = apiKeyOf(request);
  if (!key) {
    throw new StripeApiError(
      401,
      'invalid_request_error',
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (!key.startsWith(ID_PREFIX.secretKey) && !key.startsWith(LIVE_SECRET_KEY_PREFIX)) {
    const shown =
      key.length > 8 ? `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}` : key;
    throw new StripeApiError(
      401,
      'invalid_request_error',
      `Invalid API Key provided: ${shown}. The emulator accepts any key beginning with sk_test_ (or sk_live_ for live-mode objects).`,
      { code: 'api_key_invalid' },
    );
  }
  return { livemode: key.startsWith(LIVE_SECRET_KEY_PREFIX) };
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** Serves `/v1/…` like Stripe: auth, form bodies, validation, idempotency, expand, Stripe's errors. */
export class ApiHandler {
  private readonly idempotency = new IdempotencyCache();

  constructor(
    private readonly routes: ApiRoute[],
    private readonly contextFor: ContextFactory,
    private readonly log: ((line: string) => void) | null = null,
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const requestId = newId(ID_PREFIX.request, 14);
    const stripeVersion = header(request, 'stripe-version') ?? API_VERSION;
    const baseHeaders = { 'request-id': requestId, 'stripe-version': stripeVersion };
    const idempotencyKey = header(request, 'idempotency-key');
    const log = this.log;
    if (log)
      response.once('finish', () =>
        log(`${request.method ?? 'GET'} ${url.pathname} -> ${response.statusCode} [${requestId}]`),
      );
    try {
      const { livemode } = authenticate(request);
      if (!/^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/.test(stripeVersion)) {
        throw new StripeApiError(400, 'invalid_request_error', `Invalid Stripe API version: ${stripeVersion}`, {
          code: 'invalid_stripe_api_version',
        });
      }
      const method = (request.method ?? 'GET').toUpperCase() as HttpMethod;
      const rawBody = method === 'POST' ? await readBody(request) : '';
      const fingerprint = `${method} ${url.pathname} ${rawBody}`;
      if (idempotencyKey && method === 'POST') {
        const replay = this.idempotency.lookup(idempotencyKey, fingerprint);
        if (replay) {
          sendJson(response, replay.status, replay.body, {
            ...baseHeaders,
            'idempotency-key': idempotencyKey,
            'idempotent-replayed': 'true',
          });
          return;
        }
      }
      const input: FormObject = method === 'POST' ? decodeForm(rawBody) : decodeForm(url.search.slice(1));
      const { status, body } = this.dispatch(method, url.pathname, input, { id: requestId, idempotencyKey, livemode });
      // Like Stripe, a server error is not saved: retrying the same key may then succeed.
      if (idempotencyKey && method === 'POST' && status < 500)
        this.idempotency.remember(idempotencyKey, fingerprint, status, body);
      sendJson(
        response,
        status,
        body,
        idempotencyKey ? { ...baseHeaders, 'idempotency-key': idempotencyKey } : baseHeaders,
      );
    } catch (error) {
      const failure = toStripeError(error);
      sendJson(response, failure.status, JSON.stringify(failure.toBody(requestId), null, 2), baseHeaders);
    }
  }

  private dispatch(
    method: HttpMethod,
    pathname: string,
    input: FormObject,
    requestInfo: RequestInfo,
  ): { status: number; body: string } {
    let pathMatched = false;
    for (const route of this.routes) {
      const path = matchPath(route.pattern, pathname);
      if (!path) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      try {
        const ctx = this.contextFor(path);
        const result = runInRequest(requestInfo, () => route.run(input, ctx));
        const expand = input.expand && typeof input.expand === 'object' ? Object.values(input.expand).map(String) : [];
        const body = expandResponse(result, expand, ctx.billing.store);
        return { status: 200, body: JSON.stringify(body, null, 2) };
      } catch (error) {
        const failure = toStripeError(error);
        return { status: failure.status, body: JSON.stringify(failure.toBody(requestInfo.id), null, 2) };
      }
    }
    throw new StripeApiError(
      404,
      'invalid_request_error',
      pathMatched
        ? `Unrecognized request URL (${method}: ${pathname}). This method is not supported by this endpoint.`
        : `Unrecognized request URL (${method}: ${pathname}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    );
  }
}

function toStripeError(error: unknown): StripeApiError {
  if (error instanceof StripeApiError) return error;
  // An emulator bug must still answer like Stripe's API (500 api_error), never with a stack trace.
  console.error('[stripe-emulator] internal error:', error);
  return new StripeApiError(500, 'api_error', 'An unexpected error occurred in the Stripe emulator.');
}
