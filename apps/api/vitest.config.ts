import { defineProject } from 'vitest/config';

export default defineProject({
  ssr: { resolve: { conditions: ['source'] } },
  // The global setup (which loads the API's modules, so the workspace packages) runs in Vitest's own
  // environment, which does not inherit ssr.resolve.
  environments: { __vitest__: { resolve: { conditions: ['source'] } } },
  resolve: {
    // Vite would pick graphql's ESM build for our sources while type-graphql and Apollo load the
    // CommonJS one through Node; graphql refuses to mix two copies, so everyone gets the CommonJS one.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    name: 'api',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test/global-setup.ts'],
    // Integration tests boot the app and hit a real database; 600-request bursts need headroom.
    testTimeout: 60_000,
    // Files share the run's database and boot whole apps; one at a time keeps load and pool use modest.
    fileParallelism: false,
    hookTimeout: 60_000,
  },
});
