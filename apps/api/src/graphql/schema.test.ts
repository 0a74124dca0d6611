import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_MODULES } from '../modules/index.js';
import { SCHEMA_FILE } from './emit-schema.js';
import { buildApiSchema, printApiSchema } from './schema.js';

describe('schema.graphql', () => {
  it('is up to date (regenerate with `pnpm --filter @aa/api schema:emit`)', async () => {
    const schema = await buildApiSchema(API_MODULES.flatMap((module) => module.resolvers));
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(committed, 'apps/api/schema.graphql is stale: run `pnpm --filter @aa/api schema:emit`').toBe(
      printApiSchema(schema),
    );
  });

  it('declares @planLimit and marks every metered field with it', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(committed).toContain('directive @planLimit(metric: UsageMetric!, cost: Int! = 1) on FIELD_DEFINITION');
    expect(committed).toMatch(
      /trackJourney\(input: JourneyInput!\): JourneyAttribution! @planLimit\(metric: ATTRIBUTION_RUNS, cost: 1\)/,
    );
  });
});
