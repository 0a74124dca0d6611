import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int('expected an integer').min(min).max(max);

export const billingSchema = z.object({
  // Unset: the Stripe emulator starts beside the API (DESIGN.md "Runtime defaults").
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'expected a Stripe secret key such as sk_test_…')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, 'expected a webhook signing secret such as whsec_…')
    .optional(),
  // A Stripe-compatible API other than api.stripe.com, e.g. an emulator started with `pnpm stripe:emulator`.
  STRIPE_API_BASE: z.url({ message: 'expected an absolute URL such as http://127.0.0.1:12111' }).optional(),
  STRIPE_PRICE_ID_PRO: z
    .string()
    .regex(/^price_\w+$/, 'expected a Stripe price id such as price_…')
    .optional(),
  STRIPE_PRICE_ID_SCALE: z
    .string()
    .regex(/^price_\w+$/, 'expected a Stripe price id such as price_…')
    .optional(),
  STRIPE_EMULATOR_PORT: int(0, 65535).default(12111),
  STRIPE_MAX_NETWORK_RETRIES: int(0, 5).default(1),
  // The deadline of one Stripe call: every attempt, the pauses between them and the wait for a free slot.
  STRIPE_TIMEOUT_MS: int(100, 80_000).default(8_000),
  // Stripe calls in flight at once per process; callers beyond it queue (within their deadline).
  STRIPE_CONCURRENCY: int(1, 100).default(4),
  PAST_DUE_GRACE_DAYS: int(0, 60).default(7),
  // A cron expression (UTC), or "off" for instances that must not take part in the daily run.
  RECONCILE_SCHEDULE: z.string().min(1).default('0 3 * * *'),
  // A webhook event whose apply failed is retried after this, doubling per attempt, up to the attempts below.
  WEBHOOK_RETRY_BASE_MS: int(10, 3_600_000).default(30_000),
  WEBHOOK_MAX_ATTEMPTS: int(1, 30).default(10),
});

type BillingEnv = z.infer<typeof billingSchema>;

/** With a real key, the webhook secret and both price ids must be configured too: checked at boot. */
export function checkBillingEnv(env: BillingEnv, ctx: z.RefinementCtx): void {
  if (stripeAttemptTimeoutMs(env.STRIPE_TIMEOUT_MS, env.STRIPE_MAX_NETWORK_RETRIES) < MIN_ATTEMPT_MS) {
    ctx.addIssue({
      code: 'custom',
      path: ['STRIPE_TIMEOUT_MS'],
      message: `too short for STRIPE_MAX_NETWORK_RETRIES=${env.STRIPE_MAX_NETWORK_RETRIES}: each attempt needs ${MIN_ATTEMPT_MS} ms after the SDK's pauses between retries`,
    });
  }
  if (!env.STRIPE_SECRET_KEY) return;
  for (const name of ['STRIPE_WEBHOOK_SECRET', 'STRIPE_PRICE_ID_PRO', 'STRIPE_PRICE_ID_SCALE'] as const) {
    if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'required when STRIPE_SECRET_KEY is set' });
  }
}

export type StripeSettings =
  | { mode: 'emulator'; emulatorPort: number; webhookSecret: string | null }
  | {
      mode: 'stripe';
      secretKey: string;
      webhookSecret: string;
      apiBase: string | null;
      priceIds: { PRO: string; SCALE: string };
    };

export type BillingConfig = {
  stripe: StripeSettings;
  /** Bounded, so an unreachable Stripe fails a request in seconds instead of hanging it. */
  maxNetworkRetries: number;
  /** The deadline of one Stripe call, retries included (STRIPE_TIMEOUT_MS). */
  timeoutMs: number;
  /** One attempt's share of the deadline: attempts × this + the SDK's pauses ≤ timeoutMs. */
  attemptTimeoutMs: number;
  concurrency: number;
  pastDueGraceDays: number;
  reconcileSchedule: string | null;
  /** Webhook apply retries: the first pause, doubled per attempt, and the attempts before it stays failed. */
  webhookRetry: { baseMs: number; maxAttempts: number };
};

export function toBillingConfig(env: BillingEnv): BillingConfig {
  const stripe: StripeSettings = env.STRIPE_SECRET_KEY
    ? {
        mode: 'stripe',
        secretKey: env.STRIPE_SECRET_KEY,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? '',
        apiBase: env.STRIPE_API_BASE ?? null,
        priceIds: { PRO: env.STRIPE_PRICE_ID_PRO ?? '', SCALE: env.STRIPE_PRICE_ID_SCALE ?? '' },
      }
    : { mode: 'emulator', emulatorPort: env.STRIPE_EMULATOR_PORT, webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? null };
  return {
    stripe,
    maxNetworkRetries: env.STRIPE_MAX_NETWORK_RETRIES,
    timeoutMs: env.STRIPE_TIMEOUT_MS,
    attemptTimeoutMs: stripeAttemptTimeoutMs(env.STRIPE_TIMEOUT_MS, env.STRIPE_MAX_NETWORK_RETRIES),
    concurrency: env.STRIPE_CONCURRENCY,
    pastDueGraceDays: env.PAST_DUE_GRACE_DAYS,
    reconcileSchedule: env.RECONCILE_SCHEDULE === 'off' ? null : env.RECONCILE_SCHEDULE,
    webhookRetry: { baseMs: env.WEBHOOK_RETRY_BASE_MS, maxAttempts: env.WEBHOOK_MAX_ATTEMPTS },
  };
}

const MIN_ATTEMPT_MS = 100;

/**
 * The SDK's timeout per attempt so that the whole call fits in the deadline. stripe-node makes up to
 * retries + 1 attempts (with no retries configured it still retries a closed connection once) and
 * pauses before each retry for at most 0.5 s × 2^(n−1), capped at 5 s (RequestSender._getSleepTimeInMS).
 */
export function stripeAttemptTimeoutMs(deadlineMs: number, maxNetworkRetries: number): number {
  const retries = Math.max(maxNetworkRetries, 1);
  let pausesMs = 0;
  for (let retry = 1; retry <= retries; retry += 1) pausesMs += Math.min(500 * 2 ** (retry - 1), 5000);
  return Math.floor((deadlineMs - pausesMs) / (retries + 1));
}
