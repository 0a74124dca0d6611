import { DEFAULT_PORT, startStripeEmulator } from '../emulator.js';
import { fail, parseArgs } from './args.js';

const USAGE =
  'usage: pnpm stripe:emulator [--port 12111] [--host 127.0.0.1] [--public-url URL] [--forward-to URL] [--webhook-secret whsec_…]';

const args = parseArgs(process.argv.slice(2));
if (args.options.has('help')) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(args.options.get('port') ?? process.env.STRIPE_EMULATOR_PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a port number. ${USAGE}`);
const forwardTo = args.options.get('forward-to');
const publicUrl = args.options.get('public-url');
const webhookSecret = args.options.get('webhook-secret') ?? process.env.STRIPE_WEBHOOK_SECRET;

try {
  const emulator = await startStripeEmulator({
    port,
    host: args.options.get('host') ?? '127.0.0.1',
    ...(publicUrl ? { publicUrl } : {}),
    ...(webhookSecret ? { webhookSecret } : {}),
    ...(forwardTo ? { webhookEndpoints: [{ url: forwardTo }] } : {}),
    log: (line) => console.log(`${new Date().toISOString()}  ${line}`),
  });
  console.log(`Stripe emulator ready at ${emulator.baseUrl}`);
  console.log(`  STRIPE_API_BASE=${emulator.baseUrl}`);
  console.log(`  STRIPE_SECRET_KEY=${emulator.secretKey}   (any sk_test_ key works)`);
  console.log(`  STRIPE_PRICE_ID_PRO=${emulator.priceIds.PRO}   (lookup key pro_monthly)`);
  console.log(`  STRIPE_PRICE_ID_SCALE=${emulator.priceIds.SCALE}   (lookup key scale_monthly)`);
  console.log(`  STRIPE_WEBHOOK_SECRET=${emulator.webhookSecret}`);
  console.log(
    forwardTo
      ? `Delivering webhooks to ${forwardTo}`
      : 'No webhook endpoint yet: pnpm stripe:listen --forward-to <url>',
  );
  emulator.onDelivery((entry) => {
    console.log(
      `${new Date(entry.at).toISOString()}  ${entry.eventType} [${entry.eventId}] -> ${entry.url} ${entry.status ?? entry.error} (attempt ${entry.attempt})`,
    );
  });
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  fail(
    code === 'EADDRINUSE' ? `port ${port} is in use; pass --port <free port> (0 picks one).` : (error as Error).message,
  );
}
