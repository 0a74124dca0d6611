/**
 * The bench's Stripe: the emulator in its own process (as Stripe is another host), so its work is not
 * counted against the API's CPU. Signs deliveries with BENCH_WEBHOOK_SECRET. Prints `listening <url>`;
 * the bench reads its key and prices from /_emulator/info and registers the API's endpoint there.
 */
import { startStripeEmulator } from '@aa/stripe-emulator';

const emulator = await startStripeEmulator({
  port: 0,
  ...(process.env.BENCH_WEBHOOK_SECRET ? { webhookSecret: process.env.BENCH_WEBHOOK_SECRET } : {}),
});
console.log(`listening ${emulator.baseUrl}`);
process.on('SIGTERM', () => void emulator.close().then(() => process.exit(0)));
