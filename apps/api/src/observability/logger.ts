import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** Paths never written to logs: credentials travel in these. */
const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["stripe-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.token',
];

/**
 * Logs to `destination`, by default stdout written asynchronously and in blocks: lines gather until
 * 8 KiB or 100 ms, so a busy server writes one block of many requests' lines instead of one system
 * call per request (which cost more than the rest of the log line). pino flushes what is left when
 * the process exits; only a killed process loses up to 100 ms of lines.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false, minLength: 8192, periodicFlush: 100 }));
}
