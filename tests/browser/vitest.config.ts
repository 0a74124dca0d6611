import { defineProject } from 'vitest/config';

export default defineProject({
  ssr: { resolve: { conditions: ['source'] } },
  // The global setups (the API's loads its modules, so the workspace packages) run in Vitest's own
  // environment, which does not inherit ssr.resolve.
  environments: { __vitest__: { resolve: { conditions: ['source'] } } },
  resolve: {
    // The tests boot the API in-process: like the API's own tests, everyone must share graphql's
    // CommonJS build, or graphql refuses two copies.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    name: 'browser',
    include: ['**/*.e2e.test.ts'],
    // A fresh, migrated database for this run, and the SPA built once for every test.
    globalSetup: ['./database-setup.ts', './global-setup.ts'],
    // Each file boots an app and a Chromium: one file at a time keeps two cores responsive.
    fileParallelism: false,
    // Each screen is also checked by axe and captured at two widths (browser.ts screenshot()).
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
