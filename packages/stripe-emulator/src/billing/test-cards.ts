import { cardDeclined, invalidParameter } from '../http/errors.js';
import type { CardDetails } from '../objects/customer-objects.js';

/**
 * How a test card behaves, as in Stripe's test mode:
 * - `requires_authentication`: every charge needs 3-D Secure (4000 0027 6000 3184,
 *   `pm_card_authenticationRequired`): paid only where the customer authenticates (hosted pages);
 * - `succeeds`: every charge succeeds (4242…, `pm_card_visa`, `tok_visa`);
 * - `declined`: refused up front, nothing is attached (4000 0000 0000 0002);
 * - `fails_charges`: attaches, then every charge fails (4000 0000 0000 0341, `pm_card_chargeCustomerFail`),
 *   so a failed renewal is tested by making such a card the default before the period ends.
 */
export type CardBehavior = 'succeeds' | 'declined' | 'fails_charges' | 'requires_authentication';

interface TestCard {
  behavior: CardBehavior;
  brand: string;
  last4: string;
}

const CARD_NUMBERS: Record<string, TestCard> = {
  '4242424242424242': { behavior: 'succeeds', brand: 'visa', last4: '4242' },
  '5555555555554444': { behavior: 'succeeds', brand: 'mastercard', last4: '4444' },
  '4000000000000002': { behavior: 'declined', brand: 'visa', last4: '0002' },
  '4000000000000341': { behavior: 'fails_charges', brand: 'visa', last4: '0341' },
  '4000002760003184': { behavior: 'requires_authentication', brand: 'visa', last4: '3184' },
};

/** Stripe's test payment method ids and card tokens. */
const TEST_TOKENS: Record<string, TestCard> = {
  pm_card_visa: { behavior: 'succeeds', brand: 'visa', last4: '4242' },
  pm_card_mastercard: { behavior: 'succeeds', brand: 'mastercard', last4: '4444' },
  pm_card_chargeCustomerFail: { behavior: 'fails_charges', brand: 'visa', last4: '0341' },
  pm_card_visa_chargeDeclined: { behavior: 'declined', brand: 'visa', last4: '0002' },
  pm_card_authenticationRequired: { behavior: 'requires_authentication', brand: 'visa', last4: '3184' },
  tok_visa: { behavior: 'succeeds', brand: 'visa', last4: '4242' },
  tok_mastercard: { behavior: 'succeeds', brand: 'mastercard', last4: '4444' },
  tok_chargeCustomerFail: { behavior: 'fails_charges', brand: 'visa', last4: '0341' },
  tok_chargeDeclined: { behavior: 'declined', brand: 'visa', last4: '0002' },
};

export interface ResolvedCard {
  behavior: CardBehavior;
  details: CardDetails;
}

function toResolved(card: TestCard): ResolvedCard {
  return {
    behavior: card.behavior,
    details: {
      brand: card.brand,
      last4: card.last4,
      expMonth: 12,
      expYear: 2034,
      fingerprint: `fp${card.brand}${card.last4}`,
    },
  };
}

export function isTestToken(value: string): boolean {
  return value in TEST_TOKENS;
}

export function cardFromToken(token: string, param: string): ResolvedCard {
  const card = TEST_TOKENS[token];
  if (!card) throw invalidParameter(param, `No such token: '${token}'`, 'resource_missing');
  return toResolved(card);
}

/** A typed card number: the known test numbers behave as documented, other Luhn-valid numbers succeed. */
export function cardFromNumber(rawNumber: string, param = 'card_number'): ResolvedCard {
  const number = rawNumber.replace(/[\s-]/g, '');
  const known = CARD_NUMBERS[number];
  if (known) return toResolved(known);
  if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) {
    throw invalidParameter(param, 'Your card number is invalid.', 'invalid_number');
  }
  return toResolved({
    behavior: 'succeeds',
    brand: number.startsWith('5') ? 'mastercard' : 'visa',
    last4: number.slice(-4),
  });
}

/** Refuses a declined card before anything is created, as Stripe does when a card is first used. */
export function assertNotDeclined(behavior: CardBehavior, paymentMethodId: string | null = null): void {
  if (behavior === 'declined') throw cardDeclined(paymentMethodId);
}

function passesLuhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i += 1) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
