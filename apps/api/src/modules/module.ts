import type { MigrationObject } from '@mikro-orm/core';
import type { EntitySchema } from '@mikro-orm/postgresql';
import type { Router } from 'express';
import type { Clock } from '../clock.js';
import type { AppConfig } from '../config/env.js';
import type { Orm } from '../db/orm.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Services } from '../services.js';

export interface HttpRouteDeps {
  config: AppConfig;
  services: Services;
  log: Logger;
  metrics: Metrics;
}

/** What every module may build its services from. */
export interface CoreDeps {
  orm: Orm;
  clock: Clock;
  config: AppConfig;
  log: Logger;
  metrics: Metrics;
}

/** What a module adds to the schema and the HTTP app (a bench adds a resolver the same way). */
export interface ApiModule {
  name: string;
  /** MikroORM entities (defineEntity schemas); their tables come from the modules' migrations. */
  entities: EntitySchema[];
  /** type-graphql resolver classes. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's buildSchema takes Function[]
  resolvers: Function[];
  /** Mounted BEFORE any body parser, so handlers read the raw body (e.g. Stripe webhook signatures). */
  rawBodyRoutes?: (deps: HttpRouteDeps) => Router;
  /** Mounted after JSON parsing (e.g. CSV exports). */
  routes?: (deps: HttpRouteDeps) => Router;
}

/**
 * A domain module: its surface, the migrations of its tables, and `create`, which builds its services
 * from what it needs (`Needs`: core deps and services of modules listed before it in the registry).
 * Entities and migrations are plain fields, not part of `create`: the database is opened with them
 * before any service can exist.
 */
export interface ModuleDefinition<Needs extends object, Provides extends object> extends ApiModule {
  migrations: MigrationObject[];
  create(deps: Needs): Provides;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any module, whatever it needs and provides
type AnyModule = ModuleDefinition<any, object>;
type NeedsOf<M> = M extends { create(deps: infer Needs): unknown } ? Needs : never;
type ProvidesOf<M> = M extends { create(deps: never): infer Provides } ? Provides : never;
type Merged<T> = { [K in keyof T]: T[K] };

/** A module whose needs are not all built before it: a type error that names the missing services. */
interface ListedTooEarly<M, Built> {
  listedBeforeWhatItNeeds: M extends { name: infer Name } ? Name : never;
  missing: Exclude<keyof NeedsOf<M>, keyof Built>;
}

/** The same list, each module kept only where everything it needs is built by the inputs and the modules before it. */
type InDependencyOrder<Modules extends readonly unknown[], Built> = Modules extends readonly [
  infer First,
  ...infer Rest,
]
  ? readonly [
      Built extends NeedsOf<First> ? First : ListedTooEarly<First, Built>,
      ...InDependencyOrder<Rest, Built & ProvidesOf<First>>,
    ]
  : readonly [];

/** Everything the modules of a registry provide, together. */
export type ServicesOf<Modules extends readonly unknown[]> = Modules extends readonly [infer First, ...infer Rest]
  ? Merged<ProvidesOf<First> & ServicesOf<Rest>>
  : unknown;

/**
 * The registry: modules in dependency order, checked by the compiler: a module listed before one
 * whose services it needs does not type-check. `Inputs` is what the app hands to the first module.
 */
export function moduleRegistry<Inputs extends object>() {
  return <const Modules extends readonly AnyModule[]>(modules: Modules & InDependencyOrder<Modules, Inputs>) =>
    modules as Modules;
}

/** Builds every module's services in registry order, each from the inputs and the services built before it. */
export function createModuleServices<Inputs extends object, Modules extends readonly AnyModule[]>(
  modules: Modules,
  inputs: Inputs,
): ServicesOf<Modules> {
  const built: object = {};
  for (const module of modules) Object.assign(built, module.create({ ...inputs, ...built }));
  return built as ServicesOf<Modules>;
}

export function entitiesOf(modules: readonly ApiModule[]): EntitySchema[] {
  return modules.flatMap((module) => module.entities);
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's buildSchema takes Function[]
export function resolversOf(modules: readonly ApiModule[]): Function[] {
  return modules.flatMap((module) => module.resolvers);
}

/**
 * Every module's migrations in the order they run: by name, whose timestamp is the order databases
 * recorded them in (modules are listed by dependency, which is not the order their tables came).
 */
export function migrationsOf(modules: readonly AnyModule[]): MigrationObject[] {
  return modules
    .flatMap((module) => module.migrations)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
