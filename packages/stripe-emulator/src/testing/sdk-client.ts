import Stripe from 'stripe';
import { startStripeEmulator, type StripeEmulator, type StripeEmulatorOptions } from '../index.js';

/** An emulator on a free port and the official SDK pointed at it, as the API builds its client. */
export async function startEmulatorWithClient(
  options: StripeEmulatorOptions = {},
): Promise<{ emulator: StripeEmulator; stripe: Stripe }> {
  const emulator = await startStripeEmulator({ port: 0, retry: { attempts: 1, baseDelayMs: 10 }, ...options });
  const stripe = new Stripe(emulator.secretKey, {
    host: emulator.host,
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  return { emulator, stripe };
}
