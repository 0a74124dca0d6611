import type { AppConfig } from '../../../config/env.js';
import type { Logger } from '../../../observability/logger.js';
import type { StripeConnection } from '../stripe/stripe-connection.js';
import { StripeStartupCheck } from './stripe-preflight.js';

/**
 * With a configured key (STRIPE_SECRET_KEY, whatever API it points at) the settings are checked
 * against Stripe before the app starts; throws StripeSetupError when they cannot work. The emulator
 * started beside the API brings its own matching prices and is not checked.
 */
export async function checkedStripeConnection(
  connection: StripeConnection | null,
  config: AppConfig,
  log: Logger,
): Promise<StripeConnection | null> {
  if (!connection || config.billing.stripe.mode !== 'stripe') return connection;
  const check = StripeStartupCheck.forConnection(connection, config.billing, log);
  await check.atStart();
  return check.gate(connection);
}
