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
  STRIPE_MAX_NETWORK_RETRIES: int(0, 5).default(2),
  STRIPE_TIMEOUT_MS: int(100, 80_000).default(10_000),
  PAST_DUE_GRACE_DAYS: int(0, 60).default(7),
  // A cron expression (UTC), or "off" for instances that must not take part in the daily run.
  RECONCILE_SCHEDULE: z.string().min(1).default('0 3 * * *'),
});

type BillingEnv = z.infer<typeof billingSchema>;

/** With a real key, the webhook secret and both price ids must be configured too: checked at boot. */
export function checkBillingEnv(env: BillingEnv, ctx: z.RefinementCtx): void {
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
  timeoutMs: number;
  pastDueGraceDays: number;
  reconcileSchedule: string | null;
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
    pastDueGraceDays: env.PAST_DUE_GRACE_DAYS,
    reconcileSchedule: env.RECONCILE_SCHEDULE === 'off' ? null : env.RECONCILE_SCHEDULE,
  };
}
