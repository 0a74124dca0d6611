import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { REPO_ROOT } from './repo-paths.js';

type Env = Record<string, string | undefined>;

/**
 * The process's environment over the repository's `.env` when there is one: a variable set in both
 * keeps its real value, so a deployment's settings are never overridden by a file left on disk. An
 * empty real variable counts as unset (as everywhere in the configuration) and leaves the file's value.
 */
export function environmentWithDotEnv(real: Env = process.env, envFile = join(REPO_ROOT, '.env')): Env {
  if (!existsSync(envFile)) return real;
  const setForReal = Object.fromEntries(
    Object.entries(real).filter(([, value]) => value !== undefined && value !== ''),
  );
  return { ...parseEnv(readFileSync(envFile, 'utf8')), ...setForReal };
}
