import { z } from 'zod';

/**
 * Express's `trust proxy`: unset trusts no proxy (the socket's address is the client, `secure` only on
 * TLS to this process); `true`, a hop count, or comma-separated addresses/subnets (`loopback`,
 * `10.0.0.0/8`) trust X-Forwarded-For/-Proto from those proxies, so the session cookie is Secure behind
 * a TLS-terminating proxy and rate limits key on the real client.
 */
const trustProxy = z
  .string()
  .trim()
  .regex(/^(true|false|\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, 'expected true, false, a hop count or addresses/subnets')
  .transform((value): boolean | number | string => {
    if (value === 'true' || value === 'false') return value === 'true';
    return /^\d+$/.test(value) ? Number(value) : value;
  });

export const transportSchema = z.object({
  TRUST_PROXY: trustProxy.default(false),
  // Unset: /metrics is open (the default for a private network). Set: it needs `Authorization: Bearer <token>`.
  METRICS_TOKEN: z.string().min(16, 'expected at least 16 characters').optional(),
});

export type TransportConfig = {
  trustProxy: boolean | number | string;
  metricsToken: string | null;
};

export function toTransportConfig(env: z.infer<typeof transportSchema>): TransportConfig {
  return { trustProxy: env.TRUST_PROXY, metricsToken: env.METRICS_TOKEN ?? null };
}
