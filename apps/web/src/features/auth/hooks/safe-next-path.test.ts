import { describe, expect, it } from 'vitest';
import { signInRedirectFor } from '../../../lib/apollo.js';
import { safeNextPath } from './useAfterSignIn.js';

describe('sign-in redirects', () => {
  it('follows only in-app next paths', () => {
    expect(safeNextPath('/settings')).toBe('/settings');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });

  it('remembers where a lapsed session was, and never redirects public pages', () => {
    expect(signInRedirectFor({ pathname: '/attribution', search: '?x=1' })).toBe('/signin?next=%2Fattribution%3Fx%3D1');
    expect(signInRedirectFor({ pathname: '/', search: '' })).toBe('/signin');
    expect(signInRedirectFor({ pathname: '/signin', search: '' })).toBeNull();
  });
});
