// First: type-graphql's decorators read this polyfill as soon as any module's GraphQL types load.
import 'reflect-metadata';
import { systemClock } from './clock.js';
import { loadConfigOrExit } from './config/env.js';
import { openDatabase } from './db/database.js';
import { stripeConnectionFromConfig } from './modules/billing/index.js';
import { API_MODULES } from './modules/index.js';
import { entitiesOf } from './modules/module.js';
import { createLogger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { createServices } from './services.js';

/**
 * `pnpm reconcile`: one reconciliation run by hand against the configured Stripe (STRIPE_SECRET_KEY,
 * plus STRIPE_API_BASE for an emulator started with `pnpm stripe:emulator`); prints the counts, then
 * one line per subscription that failed or that Stripe does not have, and exits 1 if any failed.
 */
const config = loadConfigOrExit();
const stripe = stripeConnectionFromConfig(config.billing);
if (!stripe) {
  process.stderr.write(
    'reconcile needs a Stripe to compare with: set STRIPE_SECRET_KEY (and STRIPE_API_BASE for a running `pnpm stripe:emulator`)\n',
  );
  process.exit(2);
}
const log = createLogger(config.server.logLevel === 'info' ? 'warn' : config.server.logLevel);
const db = await openDatabase(config.database, entitiesOf(API_MODULES), log);
try {
  const services = createServices({ orm: db.orm, clock: systemClock, config, log, metrics: createMetrics(), stripe });
  const report = await services.billing.reconciliation.run('manual');
  process.stdout.write(
    `reconciliation: ${report.checked} checked, ${report.repaired} repaired, ${report.failed} failed, ${report.missingInStripe} missing in Stripe, ${report.skipped} skipped\n`,
  );
  for (const { stripeSubscriptionId, organizationId, status } of report.missing) {
    process.stdout.write(
      `missing in Stripe: ${stripeSubscriptionId} (organization ${organizationId}, was ${status}) is now canceled\n`,
    );
  }
  for (const { stripeSubscriptionId, error } of report.failures) {
    process.stderr.write(`failed: ${stripeSubscriptionId ?? 'listing subscriptions'}: ${error}\n`);
  }
  if (report.failed > 0) process.exitCode = 1;
} finally {
  await db.close();
}
