import type Stripe from 'stripe';

/**
 * An SDK type as it travels over the wire: the SDK turns `*_decimal` strings into `Stripe.Decimal`
 * when it parses a response, so the emulator's JSON carries strings where the SDK type says Decimal.
 */
export type Wire<T> = T extends string | number | boolean | bigint | symbol | null | undefined
  ? T
  : T extends Stripe.Decimal
    ? string
    : T extends readonly (infer U)[]
      ? Wire<U>[]
      : T extends object
        ? { -readonly [K in keyof T]: Wire<T[K]> }
        : T;

export type Metadata = Record<string, string>;

export interface ListObject<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

export function listOf<T>(data: T[], url: string): ListObject<T> {
  return { object: 'list', data, has_more: false, url };
}
