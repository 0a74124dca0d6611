import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AccountsError } from './accounts.errors.js';

const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 256;
// Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is proven by mail, not regex.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 320 || !EMAIL_PATTERN.test(email)) {
    throw new AccountsError('INVALID_EMAIL', `"${raw.slice(0, 100)}" is not a valid email address`, { field: 'email' });
  }
  return email;
}

// zxcvbn's list of leaked passwords is ranked by frequency: its head is the 10,000 most common.
const COMMON_PASSWORDS = new Set(dictionary['passwords-common'].slice(0, 10_000));

/** Long enough, and not one a guesser tries first: blank, among the most common, or the email itself. */
export function checkPasswordStrength(password: string, email: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw weakPassword(
      `The password must be between ${MIN_PASSWORD_LENGTH} and ${MAX_PASSWORD_LENGTH} characters long`,
    );
  }
  const plain = password.trim().toLowerCase();
  if (plain.length === 0) throw weakPassword('The password cannot be only spaces');
  if (plain === email) throw weakPassword('The password cannot be your email address');
  if (COMMON_PASSWORDS.has(plain)) {
    throw weakPassword('The password is one of the 10,000 most common passwords; choose one that is harder to guess');
  }
}

function weakPassword(message: string): AccountsError {
  return new AccountsError('WEAK_PASSWORD', message, { field: 'password' });
}

/** argon2id with the library's defaults (the OWASP-recommended parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

/** A high-entropy secret for sessions and API keys; only its SHA-256 is stored. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 suffices for random 256-bit secrets (unlike passwords, they cannot be guessed). */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
