import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen.js';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe("the generated GraphQL code (the SPA's src/gql and the API tests' apps/api/src/test/gql)", () => {
  it('is what `pnpm codegen` makes from the committed schema and the documents of both', async () => {
    const outputs = await generate({ ...config, cwd: REPO_ROOT, silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const committed = await readFile(join(REPO_ROOT, output.filename), 'utf8');
      expect(committed, `${output.filename} is stale: run pnpm codegen`).toBe(output.content);
    }
  }, 60_000);
});
