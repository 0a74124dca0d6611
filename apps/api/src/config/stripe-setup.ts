import { billingSchema } from './billing.js';
import { environmentWithDotEnv } from './dotenv.js';
import { ConfigError } from './env.js';
import { serverSchema, toServerConfig } from './server.js';

/**
 * `pnpm stripe:setup` needs only the key (and an API base for an emulator) and the app's public URL
 * (the portal's return link, as the API computes it): it prints the rest.
 */
const setupSchema = serverSchema.extend(
  billingSchema.pick({
    STRIPE_SECRET_KEY: true,
    STRIPE_API_BASE: true,
    STRIPE_TIMEOUT_MS: true,
    STRIPE_MAX_NETWORK_RETRIES: true,
  }).shape,
);

export interface StripeSetupConfig {
  secretKey: string;
  apiBase: string | null;
  timeoutMs: number;
  maxNetworkRetries: number;
  /** PUBLIC_URL, or its localhost default, as the API computes it. */
  publicUrl: string;
}

export function loadStripeSetupConfig(
  env: Record<string, string | undefined> = environmentWithDotEnv(),
): StripeSetupConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = setupSchema.safeParse(present);
  // The messages never echo a value: the key is secret.
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (!present.STRIPE_SECRET_KEY)
    problems.push('STRIPE_SECRET_KEY: required: the key of the Stripe account to set up (sk_test_…, sk_live_…)');
  if (!parsed.success || !parsed.data.STRIPE_SECRET_KEY || problems.length > 0) throw new ConfigError(problems);
  return {
    secretKey: parsed.data.STRIPE_SECRET_KEY,
    apiBase: parsed.data.STRIPE_API_BASE ?? null,
    timeoutMs: parsed.data.STRIPE_TIMEOUT_MS,
    maxNetworkRetries: parsed.data.STRIPE_MAX_NETWORK_RETRIES,
    publicUrl: toServerConfig(parsed.data).publicUrl,
  };
}
