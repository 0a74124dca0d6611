import { join } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from './repo-paths.js';

export const databaseSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'expected a postgres:// connection URL')
    .optional(),
  PGLITE_DATA_DIR: z.string().min(1).default(join(REPO_ROOT, '.data/pglite')),
  DATABASE_POOL_SIZE: z.coerce.number().int('expected an integer').min(1).max(100).default(10),
});

export type DatabaseConfig =
  { mode: 'external'; url: string; poolSize: number } | { mode: 'embedded'; dataDir: string; poolSize: number };

export function toDatabaseConfig(env: z.infer<typeof databaseSchema>): DatabaseConfig {
  return env.DATABASE_URL
    ? { mode: 'external', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
    : { mode: 'embedded', dataDir: env.PGLITE_DATA_DIR, poolSize: env.DATABASE_POOL_SIZE };
}
