import { defineProject } from 'vitest/config';

export default defineProject({
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name: 'stripe-emulator',
    include: ['src/**/*.test.ts'],
    // Browser and webhook-retry tests wait on real sockets and a real Chromium.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
