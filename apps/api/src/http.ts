import express, { type Express, type RequestHandler } from 'express';
import type { AppConfig } from './config/env.js';
import { errorHandler } from './http/body-errors.js';
import { serveSpa } from './http/spa.js';
import { metricsAccess } from './http/metrics-access.js';
import { securityHeaders } from './http/security-headers.js';
import type { Database } from './db/database.js';
import { authenticateRequest } from './modules/accounts/index.js';
import type { ApiModule, HttpRouteDeps } from './modules/module.js';
import { rateLimitCalls } from './modules/ratelimit/index.js';
import type { Logger } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';
import { requestLogging } from './observability/request-log.js';

/** Paths the API owns; everything else under GET may be an SPA route. */
const API_PREFIXES = ['/graphql', '/webhooks', '/imports', '/exports', '/healthz', '/readyz', '/metrics'];

export interface HttpDeps {
  config: AppConfig;
  log: Logger;
  metrics: Metrics;
  db: Database;
  modules: ApiModule[];
  routeDeps: HttpRouteDeps;
  /** The Apollo middleware; it expects a parsed JSON body. */
  graphql: RequestHandler;
}

/** The order matters: raw-body routes, probes, then JSON parsing + ORM context, GraphQL, module routes, SPA. */
export function createHttpApp({ config, log, metrics, db, modules, routeDeps, graphql }: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS proxy: req.secure (the session cookie's Secure flag) and req.ip come from its X-Forwarded-* headers.
  app.set('trust proxy', config.transport.trustProxy);
  app.use(requestLogging(app, log));
  app.use(securityHeaders());
  app.use((req, res, next) => {
    res.on('finish', () => {
      // originalUrl: mounted routers rewrite req.path; a fixed set of labels keeps cardinality low.
      const route = API_PREFIXES.find((prefix) => req.originalUrl.startsWith(prefix)) ?? 'other';
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  });

  // Slot 1: routes that must see the raw body (Stripe verifies its signature over the exact bytes).
  for (const module of modules) {
    if (module.rawBodyRoutes) app.use(module.rawBodyRoutes(routeDeps));
  }

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (req, res) => {
    try {
      await db.ping();
      res.json({ status: 'ready', database: db.mode });
    } catch (error) {
      req.log.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: db.mode });
    }
  });
  app.get('/metrics', metricsAccess(config.transport.metricsToken), async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  // Rate limits, before a body is read (the webhooks above are Stripe's, signed, and not limited).
  const { services } = routeDeps;
  app.use(
    ['/graphql', '/imports', '/exports'],
    rateLimitCalls(services.rateLimits, (req) => authenticateRequest(req, services)),
  );

  // Slot 2: JSON bodies.
  app.use(express.json({ limit: config.server.graphqlBodyLimitBytes }));
  app.use('/graphql', graphql);
  for (const module of modules) {
    if (module.routes) app.use(module.routes(routeDeps));
  }

  serveSpa(app, config.server.webDistDir, API_PREFIXES, log);
  app.use(errorHandler(config.server.graphqlBodyLimitBytes));
  return app;
}
