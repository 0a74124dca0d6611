import { z } from 'zod';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** A token bucket: holds `capacity` requests and refills them evenly over `windowSeconds`. */
export interface BucketPolicy {
  capacity: number;
  windowSeconds: number;
}

/** "600/1m": 600 requests, refilled over one minute (so bursts of 600, 10 a second sustained). */
const bucket = z
  .string()
  .trim()
  .regex(/^\d+\/\d+[smh]$/, 'expected requests per window such as 600/1m, 20/1h or 50/10s')
  .transform((value, ctx): BucketPolicy => {
    const [, count, length, unit] = /^(\d+)\/(\d+)([smh])$/.exec(value) ?? [];
    const policy = { capacity: Number(count), windowSeconds: Number(length) * (UNIT_SECONDS[unit ?? 's'] ?? 1) };
    if (policy.capacity < 1 || policy.windowSeconds < 1) {
      ctx.addIssue({ code: 'custom', message: 'expected at least 1 request and a window of at least 1s' });
    }
    return policy;
  });

export const rateLimitSchema = z.object({
  RATE_LIMIT_API_KEY: bucket.default({ capacity: 1200, windowSeconds: 60 }),
  RATE_LIMIT_ORGANIZATION: bucket.default({ capacity: 3000, windowSeconds: 60 }),
  RATE_LIMIT_ANONYMOUS: bucket.default({ capacity: 300, windowSeconds: 60 }),
  RATE_LIMIT_SIGN_UP: bucket.default({ capacity: 10, windowSeconds: 3600 }),
  RATE_LIMIT_SIGN_IN: bucket.default({ capacity: 30, windowSeconds: 600 }),
});

/** Per API key, per organization (keys and sessions alike), per client address for anonymous calls, sign-up and sign-in. */
export type RateLimitConfig = {
  apiKey: BucketPolicy;
  organization: BucketPolicy;
  anonymous: BucketPolicy;
  signUp: BucketPolicy;
  signIn: BucketPolicy;
};

export function toRateLimitConfig(env: z.infer<typeof rateLimitSchema>): RateLimitConfig {
  return {
    apiKey: env.RATE_LIMIT_API_KEY,
    organization: env.RATE_LIMIT_ORGANIZATION,
    anonymous: env.RATE_LIMIT_ANONYMOUS,
    signUp: env.RATE_LIMIT_SIGN_UP,
    signIn: env.RATE_LIMIT_SIGN_IN,
  };
}
