import { z } from 'zod';

export const mailSchema = z.object({
  // Unset: mail goes to the outbox table, readable by organization admins (DESIGN.md "Runtime defaults").
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'expected an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Attribution Analytics <billing@localhost>'),
});

export type MailConfig = {
  smtpUrl: string | null;
  from: string;
};

export function toMailConfig(env: z.infer<typeof mailSchema>): MailConfig {
  return { smtpUrl: env.SMTP_URL ?? null, from: env.MAIL_FROM };
}
