import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { requestLogging } from './request-log.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** An app with the request logging in front of two routes; returns its URL and the lines written. */
async function serve(level: string): Promise<{ url: string; lines: Array<Record<string, unknown>> }> {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger(level, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  const app = express();
  app.use(requestLogging(app, log));
  app.get('/ok', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/fails', (req, res) => {
    req.log.warn({ reason: 'test' }, 'route logs with the request id');
    res.status(503).json({ ok: false });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines };
}

/** Waits until `lines` holds `count` lines: the access line is written when the response has finished. */
async function linesOf(lines: Array<Record<string, unknown>>, count: number) {
  while (lines.length < count) await new Promise((resolve) => setImmediate(resolve));
  return lines;
}

describe('request logging', () => {
  it('writes one line per request with its id, status and duration, and no headers', async () => {
    const { url, lines } = await serve('info');
    const response = await fetch(`${url}/ok?x=1`, {
      headers: { 'x-request-id': 'trace-1', authorization: 'Bearer aa_secret', cookie: 'aa_session=s' },
    });
    expect(response.headers.get('x-request-id')).toBe('trace-1');
    const [line] = await linesOf(lines, 1);
    expect(line).toMatchObject({ level: 30, reqId: 'trace-1', method: 'GET', url: '/ok?x=1', status: 200 });
    expect(line!.responseTime).toEqual(expect.any(Number));
    expect(JSON.stringify(line)).not.toMatch(/aa_secret|aa_session/);
  });

  it("logs a 5xx at error, and a route's own lines carry the request id", async () => {
    const { url, lines } = await serve('info');
    const response = await fetch(`${url}/fails`);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const [own, access] = await linesOf(lines, 2);
    expect(own).toMatchObject({ level: 40, reqId: id, reason: 'test' });
    expect(access).toMatchObject({ level: 50, reqId: id, status: 503 });
  });

  it('writes nothing at warn for answered requests', async () => {
    const { url, lines } = await serve('warn');
    await (await fetch(`${url}/ok`)).json();
    await (await fetch(`${url}/fails`)).json();
    // The failing route's own warn line and its 5xx access line are written; the 200 is not.
    expect((await linesOf(lines, 2)).map((line) => line.level)).toEqual([40, 50]);
  });
});
