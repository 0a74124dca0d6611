// Amounts as Stripe states them (smallest unit, ISO currency), in words. Pure: unit-tested.

/** "$150.00", "-$12.50", "€49.00": Stripe's lower-case currency codes are ISO 4217 codes. */
export function formatAmount(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100);
}
