import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from './credentials.js';

const EMAIL = 'owner@example.com';

function refusal(password: string): string | null {
  try {
    checkPasswordStrength(password, EMAIL);
    return null;
  } catch (error) {
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WEAK_PASSWORD', options: { field: 'password' } });
    return (error as Error).message;
  }
}

describe('password strength', () => {
  it.each([
    ['only spaces', ' '.repeat(12), 'The password cannot be only spaces'],
    ['the email itself', ' Owner@Example.com ', 'The password cannot be your email address'],
    ['a top-10,000 password', 'qwertyuiop', 'The password is one of the 10,000 most common passwords'],
    ['a top-10,000 password in capitals', 'Password123', 'The password is one of the 10,000 most common passwords'],
    ['a short password', 'short', 'The password must be between 10 and 256 characters long'],
  ])('refuses %s with a message that says why', (_label, password, message) => {
    expect(refusal(password)).toContain(message);
  });

  it('accepts a long uncommon password, spaces included', () => {
    expect(refusal('correct horse battery staple')).toBeNull();
    expect(refusal('owner@example.com and more')).toBeNull();
  });
});
