import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Who may read /metrics: with METRICS_TOKEN, whoever sends `Authorization: Bearer <token>`; without,
 * only this machine (req.ip, so a trusted proxy's clients are not mistaken for it). Refused: 404, as
 * if there were nothing there.
 */
export function metricsAccess(token: string | null): RequestHandler {
  const expected = token === null ? null : digest(token);
  return (req, res, next) => {
    const presented = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const allowed =
      expected === null
        ? LOOPBACK.test(req.ip ?? '')
        : presented !== undefined && timingSafeEqual(digest(presented), expected);
    if (allowed) {
      next();
      return;
    }
    res.status(404).json({ error: 'Not found' });
  };
}

// Equal-length digests, so the comparison takes the same time whatever was sent.
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
