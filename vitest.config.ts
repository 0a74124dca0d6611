import { defineConfig } from 'vitest/config';

// Workspace packages export their TypeScript sources under the "source" condition, so tests run
// against src/ without a build step.
const sourceFirst = { conditions: ['source'] };

export default defineConfig({
  resolve: sourceFirst,
  ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  test: {
    projects: ['packages/*', 'apps/*', 'tests/*'],
  },
});
