import { z } from 'zod';

const EMAIL = z.email();

/** A comma-separated list of email addresses, trimmed and lower-cased as accounts store them. */
const emailList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim().toLowerCase())
      .filter((entry) => entry.length > 0),
  )
  .refine(
    (emails) => emails.every((email) => EMAIL.safeParse(email).success),
    'expected comma-separated email addresses such as ops@example.com',
  );

export const authSchema = z.object({
  SESSION_TTL_DAYS: z.coerce.number().int('expected an integer').min(1).max(365).default(30),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int('expected an integer').min(1).default(5),
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int('expected an integer').min(1).default(20),
  SIGN_IN_LOCKOUT_SECONDS: z.coerce.number().int('expected an integer').min(1).default(60),
  // Platform operators (the people running the service, not an organization's admins): they see the
  // billing overview across all organizations. Unset: nobody does.
  OPERATOR_EMAILS: emailList.optional(),
});

export type AuthConfig = {
  sessionTtlDays: number;
  /** Failed sign-ins per email (from addresses it never signed in from) before attempts are refused for a while. */
  signInMaxFailures: number;
  /** Failed sign-ins from one client address, whatever the email, before that address is refused for a while. */
  signInMaxFailuresPerAddress: number;
  /** The first refusal; each further failure doubles it, up to an hour. */
  signInLockoutSeconds: number;
  /** Lower-cased; a signed-in user with one of these emails is a platform operator. */
  operatorEmails: readonly string[];
};

export function toAuthConfig(env: z.infer<typeof authSchema>): AuthConfig {
  return {
    sessionTtlDays: env.SESSION_TTL_DAYS,
    signInMaxFailures: env.SIGN_IN_MAX_FAILURES,
    signInMaxFailuresPerAddress: env.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
    signInLockoutSeconds: env.SIGN_IN_LOCKOUT_SECONDS,
    operatorEmails: env.OPERATOR_EMAILS ?? [],
  };
}
