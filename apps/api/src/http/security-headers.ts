import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

// A year, the value HSTS preload lists ask for.
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * What a machine's answer carries (OWASP's set for REST answers): nothing may load or frame it, and
 * nothing may sniff it into another type. The rest of helmet's set (cross-origin, download and
 * referrer policies) instructs a browser about a page, and no browser reads Stripe's webhook answers:
 * there it only cost the sender and Stripe another dozen headers per delivery.
 */
const MACHINE_ANSWER_HEADERS = new Map([
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['X-Content-Type-Options', 'nosniff'],
]);

/**
 * Security headers on every answer (helmet): on the SPA and the API a CSP that runs only the app's own
 * scripts (none inline) and lets no page frame it, nosniff, no referrer; under `machinePrefixes` (paths
 * only machines call) the short MACHINE_ANSWER_HEADERS. HSTS only on a secure request (TLS here, or
 * X-Forwarded-Proto from a trusted proxy): sent over plain HTTP it would pin a browser to HTTPS on a
 * host that may not serve it.
 */
export function securityHeaders(machinePrefixes: readonly string[] = []): RequestHandler {
  const headers = helmetHeaders(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'frame-ancestors': ["'none'"],
          // The app is also served over plain HTTP (local, behind a proxy on a private network).
          'upgrade-insecure-requests': null,
        },
      },
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  return (req, res, next) => {
    const machine = machinePrefixes.some((prefix) => req.url.startsWith(prefix));
    for (const [name, value] of machine ? MACHINE_ANSWER_HEADERS : headers) res.setHeader(name, value);
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  };
}

/**
 * The headers helmet sets, read once at start-up: with these options they depend on nothing in the
 * request, and helmet's chain of eleven middleware per request cost more than setting them.
 */
function helmetHeaders(middleware: ReturnType<typeof helmet>): Map<string, string> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  };
  let done = false;
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, () => {
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be computed once');
  return headers;
}
