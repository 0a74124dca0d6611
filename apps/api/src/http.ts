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
/** Paths only machines call (Stripe's webhooks): their answers carry no headers meant for a browser. */
const MACHINE_PREFIXES = ['/webhooks/'];

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
  // Every answer is logged, counted and carries the security headers.
  const everyRequest = [requestLogging(app, log), securityHeaders(MACHINE_PREFIXES), countRequests(metrics)];
  const { services } = routeDeps;
  // Rate limits, before a body is read (the webhooks below are Stripe's, signed, and not limited).
  const rateLimited = rateLimitCalls(services.rateLimits, (req) => authenticateRequest(req, services));
  const json = express.json({ limit: config.server.graphqlBodyLimitBytes });
  // POST /graphql, nearly every API call, is the first route: Express walks no other layer to reach it.
  app.post('/graphql', ...everyRequest, rateLimited, json, graphql);
  app.use(everyRequest);

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

  app.use(['/graphql', '/imports', '/exports'], rateLimited);

  // Slot 2: JSON bodies.
  app.use(json);
  app.use('/graphql', graphql);
  for (const module of modules) {
    if (module.routes) app.use(module.routes(routeDeps));
  }

  serveSpa(app, config.server.webDistDir, API_PREFIXES, log);
  app.use(errorHandler(config.server.graphqlBodyLimitBytes));
  return app;
}

/** aa_http_requests_total by method, route prefix and status. */
function countRequests(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    res.once('finish', () => {
      // originalUrl: mounted routers rewrite req.path; a fixed set of labels keeps cardinality low.
      const route = API_PREFIXES.find((prefix) => req.originalUrl.startsWith(prefix)) ?? 'other';
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}
