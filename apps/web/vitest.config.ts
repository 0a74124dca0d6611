import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

// Component tests opt into happy-dom per file; the browser end-to-end test runs in node.
export default defineProject({
  plugins: [react()],
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name: 'web',
    include: ['src/**/*.test.{ts,tsx}', 'codegen/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
