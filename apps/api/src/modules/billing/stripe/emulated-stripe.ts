import { startStripeEmulator } from '@aa/stripe-emulator';
import type { AppConfig } from '../../../config/env.js';
import type { StripeConnection } from './stripe-connection.js';

export interface EmulatedStripe {
  connection: StripeConnection;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * STRIPE_SECRET_KEY unset: the Stripe emulator runs in this process, the SDK points at it and its
 * webhooks come to our own /webhooks/stripe, signed with STRIPE_WEBHOOK_SECRET or its own secret.
 */
export async function startEmulatedStripe(config: AppConfig): Promise<EmulatedStripe> {
  const settings = config.billing.stripe;
  if (settings.mode !== 'emulator')
    throw new Error('startEmulatedStripe() is for emulator mode (STRIPE_SECRET_KEY unset)');
  const emulator = await startStripeEmulator({
    port: settings.emulatorPort,
    ...(settings.webhookSecret ? { webhookSecret: settings.webhookSecret } : {}),
    webhookEndpoints: [{ url: `${config.server.publicUrl}/webhooks/stripe` }],
  });
  return {
    connection: {
      secretKey: emulator.secretKey,
      webhookSecret: emulator.webhookSecret,
      priceIds: emulator.priceIds,
      api: { host: emulator.host, port: emulator.port, protocol: emulator.protocol },
    },
    baseUrl: emulator.baseUrl,
    close: () => emulator.close(),
  };
}
