import { z } from 'zod';

export const authSchema = z.object({
  SESSION_TTL_DAYS: z.coerce.number().int('expected an integer').min(1).max(365).default(30),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int('expected an integer').min(1).default(5),
  SIGN_IN_LOCKOUT_SECONDS: z.coerce.number().int('expected an integer').min(1).default(300),
});

export type AuthConfig = {
  sessionTtlDays: number;
  /** Failed sign-ins per email allowed before further attempts are refused for a while. */
  signInMaxFailures: number;
  signInLockoutSeconds: number;
};

export function toAuthConfig(env: z.infer<typeof authSchema>): AuthConfig {
  return {
    sessionTtlDays: env.SESSION_TTL_DAYS,
    signInMaxFailures: env.SIGN_IN_MAX_FAILURES,
    signInLockoutSeconds: env.SIGN_IN_LOCKOUT_SECONDS,
  };
}
