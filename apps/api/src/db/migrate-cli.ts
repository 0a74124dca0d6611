// First: type-graphql's decorators read this polyfill as soon as any module's GraphQL types load.
import 'reflect-metadata';
import { loadConfigOrExit } from '../config/env.js';
import { API_MODULES } from '../modules/index.js';
import { entitiesOf } from '../modules/module.js';
import { createLogger } from '../observability/logger.js';
import { openDatabase } from './database.js';

// `pnpm db:migrate`: opening the database applies pending migrations; nothing else starts.
const config = loadConfigOrExit();
const log = createLogger(config.server.logLevel);
const db = await openDatabase(config.database, entitiesOf(API_MODULES), log);
log.info('database: up to date');
await db.close();
