import { z } from 'zod';
import { authSchema, toAuthConfig, type AuthConfig } from './auth.js';
import { billingSchema, checkBillingEnv, toBillingConfig, type BillingConfig } from './billing.js';
import { databaseSchema, toDatabaseConfig, type DatabaseConfig } from './database.js';
import { environmentWithDotEnv } from './dotenv.js';
import { mailSchema, toMailConfig, type MailConfig } from './mail.js';
import { rateLimitSchema, toRateLimitConfig, type RateLimitConfig } from './rate-limit.js';
import { serverSchema, toServerConfig, type ServerConfig } from './server.js';
import { transportSchema, toTransportConfig, type TransportConfig } from './transport.js';

/**
 * The only reader of process.env (over the repository's `.env`, see dotenv.ts). Each concern owns a
 * schema in its own file; a new concern (e.g. Stripe) adds its schema to `envSchema` and its section
 * to `AppConfig`.
 */
const envSchema = z
  .object({
    ...serverSchema.shape,
    ...databaseSchema.shape,
    ...authSchema.shape,
    ...billingSchema.shape,
    ...mailSchema.shape,
    ...transportSchema.shape,
    ...rateLimitSchema.shape,
  })
  .superRefine(checkBillingEnv);

export interface AppConfig {
  server: ServerConfig;
  database: DatabaseConfig;
  auth: AuthConfig;
  billing: BillingConfig;
  mail: MailConfig;
  transport: TransportConfig;
  rateLimits: RateLimitConfig;
}

export class ConfigError extends Error {
  readonly code = 'INVALID_CONFIGURATION';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Values that may carry credentials are never echoed back in error messages.
const SECRET_VARIABLE = /SECRET|KEY|PASSWORD|TOKEN|DATABASE_URL|SMTP_URL/;

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = environmentWithDotEnv()): AppConfig {
  // An empty variable means "unset": shells and compose files often export NAME= by accident.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const shown = SECRET_VARIABLE.test(name) ? 'value hidden' : `got ${JSON.stringify(env[name] ?? null)}`;
        return `${name}: ${issue.message} (${shown})`;
      }),
    );
  }
  return {
    server: toServerConfig(parsed.data),
    database: toDatabaseConfig(parsed.data),
    auth: toAuthConfig(parsed.data),
    billing: toBillingConfig(parsed.data),
    mail: toMailConfig(parsed.data),
    transport: toTransportConfig(parsed.data),
    rateLimits: toRateLimitConfig(parsed.data),
  };
}

/** The process's environment with some variables replaced, e.g. a scratch DATABASE_URL for a bench. */
export function loadConfigWith(overrides: Env): AppConfig {
  return loadConfig({ ...environmentWithDotEnv(), ...overrides });
}

/** For command-line entry points: a bad configuration names each variable on stderr and exits 1, no stack. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
