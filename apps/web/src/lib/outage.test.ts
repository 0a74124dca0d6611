import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { isOutage } from './outage.js';

const response = (status: number) => new Response('', { status });

describe('isOutage', () => {
  it('is an outage when the request never got an answer, or a proxy answered for the API', () => {
    expect(isOutage(new TypeError('Failed to fetch'))).toBe(true);
    expect(isOutage(new ServerError('Bad gateway', { response: response(502), bodyText: '<html>' }))).toBe(true);
    expect(
      isOutage(new ServerParseError(new SyntaxError('Unexpected <'), { response: response(200), bodyText: '<html>' })),
    ).toBe(true);
  });

  it('is not an outage when the API answered: a GraphQL error, a 4xx, or no error at all', () => {
    expect(isOutage(new CombinedGraphQLErrors({ errors: [{ message: 'Not signed in' }] }))).toBe(false);
    expect(isOutage(new ServerError('Too many requests', { response: response(429), bodyText: '{}' }))).toBe(false);
    expect(isOutage(undefined)).toBe(false);
  });
});
