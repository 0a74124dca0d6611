import { defineProject } from 'vitest/config';
import browserTests from './vitest.config.js';

// The first-load bench (`pnpm bench` in apps/web) boots the API and the built SPA as the browser tests do.
export default defineProject({
  ...browserTests,
  test: { ...browserTests.test, name: 'first-load-bench', include: ['first-load.bench.ts'] },
});
