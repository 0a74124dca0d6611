import { describe, expect, it } from 'vitest';
import { loadConfig } from './env.js';

describe('rate limit configuration', () => {
  it('reads requests per window, in seconds, minutes or hours, with documented defaults', () => {
    expect(loadConfig({ RATE_LIMIT_API_KEY: '50/10s', RATE_LIMIT_SIGN_UP: '5/2h' }).rateLimits).toEqual({
      apiKey: { capacity: 50, windowSeconds: 10 },
      organization: { capacity: 3000, windowSeconds: 60 },
      anonymous: { capacity: 300, windowSeconds: 60 },
      signUp: { capacity: 5, windowSeconds: 7200 },
      signIn: { capacity: 30, windowSeconds: 600 },
    });
  });

  it.each(['1200', '0/1m', '10/0s', 'ten/1m', '10/1d'])('refuses %j, naming the variable', (value) => {
    expect(() => loadConfig({ RATE_LIMIT_ORGANIZATION: value })).toThrow(/RATE_LIMIT_ORGANIZATION: expected/);
  });
});
