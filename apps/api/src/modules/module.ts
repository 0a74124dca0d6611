import type { EntitySchema } from '@mikro-orm/postgresql';
import type { Router } from 'express';
import type { AppConfig } from '../config/env.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Services } from '../services.js';

export interface HttpRouteDeps {
  config: AppConfig;
  services: Services;
  log: Logger;
  metrics: Metrics;
}

/** What a domain module contributes to the app. */
export interface ApiModule {
  name: string;
  /** MikroORM entities (defineEntity schemas); their tables come from migrations in db/migrations. */
  entities: EntitySchema[];
  /** type-graphql resolver classes. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's buildSchema takes Function[]
  resolvers: Function[];
  /** Mounted BEFORE any body parser, so handlers read the raw body (e.g. Stripe webhook signatures). */
  rawBodyRoutes?: (deps: HttpRouteDeps) => Router;
  /** Mounted after JSON parsing (e.g. CSV exports). */
  routes?: (deps: HttpRouteDeps) => Router;
}

export function entitiesOf(modules: readonly ApiModule[]): EntitySchema[] {
  return modules.flatMap((module) => module.entities);
}
