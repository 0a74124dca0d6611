import { AccountsError } from './accounts.errors.js';

/**
 * The ISO 4217 codes an organization may report in: the currencies Intl formats everywhere and our
 * customers asked for. A fixed list, so a typo never becomes a report's currency.
 */
export const SUPPORTED_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'JPY',
  'SGD',
  'HKD',
  'INR',
  'BRL',
  'MXN',
  'ZAR',
] as const;
export type Currency = (typeof SUPPORTED_CURRENCIES)[number];

export const DEFAULT_CURRENCY: Currency = 'USD';

export function parseCurrency(raw: string): Currency {
  const code = raw.trim().toUpperCase();
  if (!(SUPPORTED_CURRENCIES as readonly string[]).includes(code)) {
    throw new AccountsError('UNSUPPORTED_CURRENCY', `"${raw.slice(0, 10)}" is not one of the supported currencies`, {
      field: 'currency',
    });
  }
  return code as Currency;
}
