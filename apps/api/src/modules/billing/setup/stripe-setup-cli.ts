import { parseArgs } from 'node:util';
import Stripe from 'stripe';
import { ConfigError } from '../../../config/env.js';
import { loadStripeSetupConfig } from '../../../config/stripe-setup.js';
import { apiAt } from '../stripe/stripe-connection.js';
import { formatSetupReport, runStripeSetup } from './stripe-setup.js';

/**
 * `pnpm stripe:setup [--webhook-url https://…/webhooks/stripe]`: products, prices, portal and webhook
 * endpoint on the account of STRIPE_SECRET_KEY (STRIPE_API_BASE for an emulator); prints the variables.
 */
const USAGE = 'usage: pnpm stripe:setup [--webhook-url https://your.app/webhooks/stripe]';

function webhookUrlOf(argv: string[]): string | null {
  const { values } = parseArgs({ args: argv, options: { 'webhook-url': { type: 'string' } }, strict: true });
  const url = values['webhook-url'];
  if (url === undefined) return null;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
    throw new TypeError(`--webhook-url: expected an http(s) URL, got ${JSON.stringify(url)}`);
  return url;
}

try {
  const webhookUrl = webhookUrlOf(process.argv.slice(2));
  const config = loadStripeSetupConfig();
  const stripe = new Stripe(config.secretKey, {
    maxNetworkRetries: config.maxNetworkRetries,
    timeout: config.timeoutMs,
    ...(config.apiBase ? apiAt(config.apiBase) : {}),
  });
  process.stdout.write(formatSetupReport(await runStripeSetup(stripe, { webhookUrl, publicUrl: config.publicUrl })));
} catch (error) {
  if (error instanceof ConfigError || error instanceof TypeError) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (error instanceof Stripe.errors.StripeError) {
    // Stripe's own words (they never contain the whole key); a second run picks up where this one stopped.
    process.stderr.write(`Stripe refused a set-up step: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
