import { describe, expect, it } from 'vitest';
import { errorsFromBody, reactionTo, sameOriginPath, userMessageOf } from './graphql-errors.js';

const limitError = {
  message: 'Your Free plan includes 500 attribution runs per period.',
  extensions: {
    code: 'PLAN_LIMIT_EXCEEDED',
    metric: 'ATTRIBUTION_RUNS',
    used: 500,
    limit: 500,
    plan: 'FREE',
    upgradeUrl: 'http://localhost:4000/pricing',
  },
};

describe('reactionTo', () => {
  it('opens the upgrade dialog with the limit details on PLAN_LIMIT_EXCEEDED', () => {
    expect(reactionTo([limitError], 402)).toEqual({
      kind: 'upgrade',
      details: {
        code: 'PLAN_LIMIT_EXCEEDED',
        message: limitError.message,
        plan: 'FREE',
        upgradeUrl: '/pricing',
        used: 500,
        limit: 500,
      },
    });
  });

  it('opens the upgrade dialog on FEATURE_NOT_IN_PLAN, even beside other errors', () => {
    const reaction = reactionTo(
      [
        { message: 'bad', extensions: { code: 'BAD_USER_INPUT' } },
        { message: 'MARKOV needs Scale', extensions: { code: 'FEATURE_NOT_IN_PLAN', plan: 'PRO' } },
      ],
      200,
    );
    expect(reaction).toMatchObject({
      kind: 'upgrade',
      details: { code: 'FEATURE_NOT_IN_PLAN', plan: 'PRO', upgradeUrl: '/pricing', used: null },
    });
  });

  it('treats a bare HTTP 402 as a plan limit', () => {
    expect(reactionTo([], 402)).toMatchObject({
      kind: 'upgrade',
      details: { code: 'PLAN_LIMIT_EXCEEDED', upgradeUrl: '/pricing' },
    });
  });

  it('sends UNAUTHENTICATED and HTTP 401 to sign-in', () => {
    expect(reactionTo([{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }], 200)).toEqual({
      kind: 'sign-in',
    });
    expect(reactionTo([], 401)).toEqual({ kind: 'sign-in' });
  });

  it('leaves other errors to the page that made the request', () => {
    expect(reactionTo([{ message: 'Invalid email', extensions: { code: 'BAD_USER_INPUT' } }], 400)).toEqual({
      kind: 'none',
    });
    expect(reactionTo([], 500)).toEqual({ kind: 'none' });
  });
});

describe('sameOriginPath', () => {
  it('keeps only the path and query of an upgrade URL', () => {
    expect(sameOriginPath('https://evil.example/pricing?plan=PRO')).toBe('/pricing?plan=PRO');
    expect(sameOriginPath('/pricing')).toBe('/pricing');
    expect(sameOriginPath(null)).toBe('/pricing');
  });
});

describe('errorsFromBody', () => {
  it('reads a GraphQL envelope, a bare error object, or nothing', () => {
    expect(errorsFromBody(JSON.stringify({ errors: [limitError] }))).toEqual([limitError]);
    expect(
      errorsFromBody(JSON.stringify({ message: 'Exports need Scale', extensions: { code: 'FEATURE_NOT_IN_PLAN' } })),
    ).toHaveLength(1);
    expect(errorsFromBody('<html>Bad gateway</html>')).toEqual([]);
  });
});

describe('userMessageOf', () => {
  it('replaces network jargon with a sentence people understand', () => {
    expect(userMessageOf(new TypeError('Failed to fetch'))).toMatch(/Cannot reach the server/);
    expect(userMessageOf({ message: 'Email already registered' })).toBe('Email already registered');
    expect(userMessageOf(42)).toMatch(/Something went wrong/);
  });
});
