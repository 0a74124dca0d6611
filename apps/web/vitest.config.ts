import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

// Component tests opt into happy-dom per file; the rest run in node. The browser tests live in
// tests/browser.
export default defineProject({
  plugins: [react()],
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name: 'web',
    include: ['src/**/*.test.{ts,tsx}', 'codegen/**/*.test.ts'],
  },
});
