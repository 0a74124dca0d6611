import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from './clock.js';
import type { AppConfig } from './config/env.js';
import { openDatabase } from './db/database.js';
import type { Orm } from './db/orm.js';
import { startGraphQLServer } from './graphql/apollo.js';
import { buildApiSchema } from './graphql/schema.js';
import { createHttpApp } from './http.js';
import { drainable } from './http/drain.js';
import { checkedStripeConnection, stripeConnectionFromConfig, type StripeConnection } from './modules/billing/index.js';
import type { SubscriptionLookup } from './modules/entitlements/index.js';
import { API_MODULES } from './modules/index.js';
import { entitiesOf, resolversOf, type ApiModule } from './modules/module.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { createServices, type Services } from './services.js';

export interface AppOptions {
  clock?: Clock;
  /** Overrides billing's Stripe-backed lookup (the default: subscriptions kept in sync with Stripe). */
  subscriptions?: SubscriptionLookup;
  /** Stripe or the emulator main.ts started; default: the real Stripe of STRIPE_SECRET_KEY, if set. */
  stripe?: StripeConnection;
  /** The schema's resolvers and the HTTP routes; default: every module of the registry (services always are). */
  modules?: ApiModule[];
  log?: Logger;
}

export interface App {
  readonly config: AppConfig;
  readonly orm: Orm;
  readonly services: Services;
  readonly log: Logger;
  readonly databaseMode: 'embedded' | 'external';
  /** Port 0 picks a free port; resolves with the address actually bound. */
  listen(port?: number): Promise<{ port: number; url: string }>;
  close(): Promise<void>;
}

export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config.server.logLevel);
  const modules = options.modules ?? [...API_MODULES];
  // Before the database: wrong Stripe settings stop the start at once (StripeSetupError).
  const stripe = await checkedStripeConnection(
    options.stripe ?? stripeConnectionFromConfig(config.billing),
    config,
    log,
  );
  const metrics = createMetrics();
  const db = await openDatabase(config.database, entitiesOf(modules), log);
  const clock = options.clock ?? systemClock;
  const services = createServices({
    orm: db.orm,
    clock,
    config,
    log,
    metrics,
    stripe,
    subscriptionOverride: options.subscriptions,
  });
  await services.billing.startScheduler(db.url);
  const schema = await buildApiSchema(resolversOf(modules));
  const httpServer = createServer();
  const drain = drainable(httpServer);
  const graphql = await startGraphQLServer(schema, httpServer, services, metrics);
  const routeDeps = { config, services, log, metrics };
  httpServer.on(
    'request',
    createHttpApp({ config, log, metrics, db, modules, routeDeps, graphql: graphql.middleware }),
  );

  return {
    config,
    orm: db.orm,
    services,
    log,
    databaseMode: db.mode,
    listen(port = config.server.port) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, config.server.host, () => {
          const bound = (httpServer.address() as AddressInfo).port;
          resolve({ port: bound, url: `http://localhost:${bound}` });
        });
      });
    },
    async close() {
      // Requests in flight are answered before anything they use closes.
      const graceMs = config.server.shutdownGraceMs;
      if (!(await drain.drain(graceMs)))
        log.warn({ graceMs }, 'shutdown: requests still running after the grace period were cut');
      await graphql.server.stop();
      await services.billing.stop();
      await db.close();
    },
  };
}
