import type { IncomingMessage, ServerResponse } from 'node:http';
import { StripeApiError } from '../http/errors.js';
import { decodeForm } from '../http/form-decoding.js';
import { readBody, sendJson } from '../http/io.js';
import { matchPath } from '../http/route.js';
import type { EmulatorControls } from './controls.js';

/** Control bodies may be JSON or form-encoded, so curl, tests and the CLI can all use them. */
async function readInput(request: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(request);
  if (raw.trim() === '') return {};
  if ((request.headers['content-type'] ?? '').includes('json')) return JSON.parse(raw) as Record<string, unknown>;
  return decodeForm(raw);
}

function listOfStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value && typeof value === 'object') return Object.values(value).map(String);
  if (typeof value === 'string' && value !== '') return value.split(',');
  return [];
}

/**
 * `/_emulator/…`: the emulator's own test controls over HTTP (not part of Stripe's API), for tests in
 * another process and `pnpm stripe:listen`.
 */
export async function handleControl(
  controls: EmulatorControls,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const method = request.method ?? 'GET';
  const path = url.pathname;
  try {
    if (method === 'GET' && path === '/_emulator/info')
      return sendJson(response, 200, JSON.stringify(controls.info(), null, 2));
    if (method === 'GET' && path === '/_emulator/deliveries') {
      const after = Number(url.searchParams.get('after') ?? '0');
      const all = controls.deliveries();
      return sendJson(response, 200, JSON.stringify({ data: all.slice(after), next: all.length }, null, 2));
    }
    if (method === 'GET' && path === '/_emulator/deliveries/held') {
      return sendJson(response, 200, JSON.stringify({ event_ids: controls.heldEventIds() }));
    }
    if (method === 'POST' && path === '/_emulator/deliveries/hold') {
      controls.holdDeliveries();
      return sendJson(response, 200, JSON.stringify({ held: true }));
    }
    if (method === 'POST' && path === '/_emulator/deliveries/release') {
      const input = await readInput(request);
      await controls.releaseDeliveries(listOfStrings(input.order));
      return sendJson(response, 200, JSON.stringify({ released: true }));
    }
    if (method === 'POST' && path === '/_emulator/deliveries/idle') {
      await controls.waitForDeliveries();
      return sendJson(response, 200, JSON.stringify({ idle: true }));
    }
    if (method === 'POST' && path === '/_emulator/webhook_endpoints') {
      const input = await readInput(request);
      if (typeof input.url !== 'string')
        throw new StripeApiError(400, 'invalid_request_error', 'Missing required param: url.', { param: 'url' });
      const events = listOfStrings(input.enabled_events);
      const created = controls.addWebhookEndpoint(input.url, {
        ...(typeof input.secret === 'string' ? { secret: input.secret } : {}),
        ...(events.length > 0 ? { enabledEvents: events } : {}),
        ...(typeof input.api_version === 'string' ? { apiVersion: input.api_version } : {}),
      });
      return sendJson(response, 200, JSON.stringify(created));
    }
    if (method === 'POST' && path === '/_emulator/portal/expiry') {
      const input = await readInput(request);
      const seconds = Number(input.seconds);
      if (!Number.isInteger(seconds) || seconds < 0)
        throw new StripeApiError(
          400,
          'invalid_request_error',
          'seconds must be a whole number of seconds, 0 or more.',
          { param: 'seconds' },
        );
      controls.setPortalSessionLifetime(seconds);
      return sendJson(response, 200, JSON.stringify({ seconds }));
    }
    if (method === 'POST' && path === '/_emulator/portal/settings') {
      return sendJson(response, 200, JSON.stringify(controls.savePortalSettings()));
    }
    const replay = matchPath('/_emulator/events/:id/replay', path);
    if (method === 'POST' && replay) {
      await controls.replayEvent(replay.id ?? '');
      return sendJson(response, 200, JSON.stringify({ replayed: replay.id }));
    }
    const duplicate = matchPath('/_emulator/events/:id/duplicate', path);
    if (method === 'POST' && duplicate) {
      await controls.deliverTwice(duplicate.id ?? '');
      return sendJson(response, 200, JSON.stringify({ duplicated: duplicate.id }));
    }
    throw new StripeApiError(404, 'invalid_request_error', `Unknown emulator control: ${method} ${path}`);
  } catch (error) {
    const failure =
      error instanceof StripeApiError
        ? error
        : new StripeApiError(400, 'invalid_request_error', 'Invalid control request.');
    sendJson(response, failure.status, JSON.stringify(failure.toBody('control')));
  }
}
