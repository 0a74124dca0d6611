import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

// Component tests opt into happy-dom per file; the rest, the browser end-to-end test included, run in node.
export default defineProject({
  plugins: [react()],
  ssr: { resolve: { conditions: ['source'] } },
  // The global setups (the API's loads its modules, so the workspace packages) run in Vitest's own
  // environment, which does not inherit ssr.resolve.
  environments: { __vitest__: { resolve: { conditions: ['source'] } } },
  resolve: {
    // The end-to-end test boots the API in-process: like the API's own tests, everyone must share
    // graphql's CommonJS build, or graphql refuses two copies.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    name: 'web',
    include: ['src/**/*.test.{ts,tsx}', 'codegen/**/*.test.ts', 'e2e/**/*.test.ts'],
    // A fresh, migrated database for this run (the API's own setup, read by its test harness), and
    // the SPA built once for the browser tests.
    globalSetup: ['../api/src/test/global-setup.ts', './e2e/global-setup.ts'],
    // Browser tests each boot an app and a Chromium: one file at a time keeps two cores responsive.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
