import { describe, expect, it } from 'vitest';
import { formatAmount } from './money.js';

describe('formatAmount', () => {
  it("reads Stripe's smallest unit in the invoice's currency, credits negative", () => {
    expect(formatAmount(15000, 'usd')).toBe('$150.00');
    expect(formatAmount(-1250, 'usd')).toBe('-$12.50');
    expect(formatAmount(4900, 'eur')).toBe('€49.00');
  });
});
