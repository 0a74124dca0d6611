import { randomUUID } from 'node:crypto';
import type { Express, RequestHandler } from 'express';
import type { Logger } from './logger.js';

declare module 'http' {
  interface IncomingMessage {
    /** The request id: the caller's X-Request-Id when well-formed, else a new UUID. */
    id: string;
    /** A logger whose lines carry the request id. */
    log: Logger;
  }
}

const REQUEST_ID_PATTERN = /^[\w-]{1,64}$/;
const CHILD_LOGGER = Symbol('requestLogger');

/**
 * One line per answered request (method, URL, status, duration, request id), built only when its
 * level is enabled. It replaces pino-http, which built a child logger and serialized the request's
 * and response's headers for every request, work the line then mostly dropped. `req.log` is made
 * on first use: most requests never log anything of their own.
 */
export function requestLogging(app: Express, log: Logger): RequestHandler {
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: { id: string; [CHILD_LOGGER]?: Logger }) {
      return (this[CHILD_LOGGER] ??= log.child({ reqId: this.id }));
    },
  });
  // The access line's fields are fixed and none holds a secret: it skips the redaction pass, which
  // walks every line for the nested keys credentials travel in (three times the line's other cost).
  const access = log.child({}, { redact: { paths: [] } });
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader('x-request-id', id);
    const startedAt = performance.now();
    res.once('finish', () => {
      const level = res.statusCode >= 500 ? 'error' : 'info';
      if (!access.isLevelEnabled(level)) return;
      access[level](
        {
          reqId: id,
          method: req.method,
          url: req.originalUrl,
          status: res.statusCode,
          responseTime: Math.round(performance.now() - startedAt),
        },
        'request completed',
      );
    });
    next();
  };
}
