import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from './emit-schema.js';

const API_DIR = fileURLToPath(new URL('../..', import.meta.url));

describe('schema.graphql', () => {
  // Printed by `schema:emit` itself (under tsx), not in this process: type-graphql orders fields by
  // the order its decorators ran, and vitest's transform keeps imports tsx drops, so the two orders differ.
  it('is up to date (regenerate with `pnpm --filter @aa/api schema:emit`)', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', 'src/graphql/emit-schema-cli.ts', '--stdout'],
      { cwd: API_DIR, maxBuffer: 16 * 1024 * 1024 },
    );
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(committed, 'apps/api/schema.graphql is stale: run `pnpm --filter @aa/api schema:emit`').toBe(stdout);
  }, 60_000);

  it('declares @planLimit and marks every metered field with it', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(committed).toContain('directive @planLimit(metric: UsageMetric!, cost: Int! = 1) on FIELD_DEFINITION');
    expect(committed).toMatch(
      /trackJourney\(input: JourneyInput!\): JourneyAttribution! @planLimit\(metric: ATTRIBUTION_RUNS, cost: 1\)/,
    );
  });
});
