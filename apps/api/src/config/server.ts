import { join } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from './repo-paths.js';

const BYTE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2 };

/** "8mb", "512kb" or a plain byte count. */
const byteSize = z
  .string()
  .regex(/^\d+\s*(b|kb|mb)?$/i, 'expected a size such as 8mb, 512kb or a byte count')
  .transform((value) => {
    const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(value);
    return Number(match?.[1]) * (BYTE_UNITS[(match?.[2] ?? 'b').toLowerCase()] ?? 1);
  });

export const serverSchema = z.object({
  PORT: z.coerce
    .number({ error: 'expected a port number from 0 to 65535' })
    .int('expected a port number from 0 to 65535')
    .min(0, 'expected a port number from 0 to 65535')
    .max(65535, 'expected a port number from 0 to 65535')
    .default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ message: 'expected an absolute URL such as http://localhost:4000' }).optional(),
  GRAPHQL_BODY_LIMIT: byteSize.default(8 * 1024 ** 2),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST_DIR: z.string().min(1).default(join(REPO_ROOT, 'apps/web/dist')),
  SHUTDOWN_GRACE_MS: z.coerce.number().int('expected an integer').min(0).max(600_000).default(20_000),
});

export type ServerConfig = {
  port: number;
  host: string;
  publicUrl: string;
  /** The pricing page, sent with every plan refusal (GraphQL and REST alike). */
  upgradeUrl: string;
  graphqlBodyLimitBytes: number;
  logLevel: z.infer<typeof serverSchema>['LOG_LEVEL'];
  webDistDir: string;
  /** After SIGTERM, requests in flight get this long to finish; then their connections are cut. */
  shutdownGraceMs: number;
};

export function toServerConfig(env: z.infer<typeof serverSchema>): ServerConfig {
  // Where browsers reach the app (links in emails, Stripe redirects, upgrade URLs).
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return {
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    upgradeUrl: `${publicUrl}/pricing`,
    graphqlBodyLimitBytes: env.GRAPHQL_BODY_LIMIT,
    logLevel: env.LOG_LEVEL,
    webDistDir: env.WEB_DIST_DIR,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
  };
}
