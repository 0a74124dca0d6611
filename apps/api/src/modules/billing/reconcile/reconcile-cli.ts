import { systemClock } from '../../../clock.js';
import { loadConfigOrExit } from '../../../config/env.js';
import { openDatabase } from '../../../db/database.js';
import { createLogger } from '../../../observability/logger.js';
import { createMetrics } from '../../../observability/metrics.js';
import { createServices } from '../../../services.js';
import { API_MODULES } from '../../index.js';
import { entitiesOf } from '../../module.js';
import { stripeConnectionFromConfig } from '../stripe/stripe-connection.js';

/**
 * `pnpm reconcile`: one reconciliation run by hand against the configured Stripe (STRIPE_SECRET_KEY,
 * plus STRIPE_API_BASE for an emulator started with `pnpm stripe:emulator`); prints the counts.
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
  process.stdout.write(`reconciliation: ${report.checked} checked, ${report.repaired} repaired, ${report.skipped} skipped\n`);
} finally {
  await db.close();
}
