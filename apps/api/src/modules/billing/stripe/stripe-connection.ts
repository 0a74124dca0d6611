import { createHash } from 'node:crypto';
import type { BillingConfig } from '../../../config/billing.js';

/** Everything needed to talk to Stripe (or the emulator standing in for it) and to trust its webhooks. */
export interface StripeConnection {
  secretKey: string;
  webhookSecret: string;
  priceIds: { PRO: string; SCALE: string };
  /** Unset: api.stripe.com. */
  api?: { host: string; port: number; protocol: 'http' | 'https' };
  /** Awaited before every request: the start-up check of the settings, when it could not run at start. */
  beforeRequest?: () => Promise<void>;
}

/** The connection a real key describes; null in emulator mode, where main.ts starts the emulator. */
export function stripeConnectionFromConfig(config: BillingConfig): StripeConnection | null {
  const settings = config.stripe;
  if (settings.mode === 'emulator') return null;
  const connection: StripeConnection = {
    secretKey: settings.secretKey,
    webhookSecret: settings.webhookSecret,
    priceIds: settings.priceIds,
  };
  if (settings.apiBase) connection.api = apiAt(settings.apiBase);
  return connection;
}

/** Host, port and protocol of a Stripe-compatible API given by its base URL (STRIPE_API_BASE). */
export function apiAt(apiBase: string): NonNullable<StripeConnection['api']> {
  const base = new URL(apiBase);
  const protocol = base.protocol === 'http:' ? 'http' : 'https';
  return { host: base.hostname, port: Number(base.port || (protocol === 'http' ? 80 : 443)), protocol };
}

/**
 * Which Stripe account a connection's webhooks come from, without the key itself: instances on one
 * database apply only their own account's events (its emulator's, in tests that run several).
 */
export function webhookReceiverOf(connection: StripeConnection): string {
  return createHash('sha256').update(connection.secretKey).digest('hex').slice(0, 32);
}
