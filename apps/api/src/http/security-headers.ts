import type { RequestHandler } from 'express';
import helmet from 'helmet';

// A year, the value HSTS preload lists ask for.
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every answer, SPA and API alike (helmet): a CSP that runs only the app's own
 * scripts (none inline) and lets no page frame it, nosniff, no referrer. HSTS only on a secure request
 * (TLS here, or X-Forwarded-Proto from a trusted proxy): sent over plain HTTP it would pin a browser
 * to HTTPS on a host that may not serve it.
 */
export function securityHeaders(): RequestHandler[] {
  return [
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
    (req, res, next) => {
      if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
      next();
    },
  ];
}
