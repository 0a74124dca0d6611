import { describe, expect, it } from 'vitest';
import { decodeForm, encodeForm } from './form-decoding.js';
import { arr, hash, int, obj, parseParams, str } from './params.js';
import { StripeApiError } from './errors.js';

describe('form decoding', () => {
  it('nests brackets, indexed and appended arrays, and metadata hashes', () => {
    const form = decodeForm(
      'items[0][price]=price_1&items[0][quantity]=2&items[1][price]=price_2&metadata[org]=o1&expand[]=customer&expand[]=latest_invoice',
    );
    expect(form).toEqual({
      items: { 0: { price: 'price_1', quantity: '2' }, 1: { price: 'price_2' } },
      metadata: { org: 'o1' },
      expand: { 0: 'customer', 1: 'latest_invoice' },
    });
  });

  it('accepts percent-encoded brackets, as curl and qs send them', () => {
    expect(decodeForm('recurring%5Binterval%5D=month')).toEqual({ recurring: { interval: 'month' } });
  });

  it('round-trips Stripe CLI fixture params, including pre-bracketed keys', () => {
    const encoded = encodeForm({
      'recurring[interval]': 'month',
      line_items: [{ price: 'price_1', quantity: 2 }],
      note: 'a&b',
    });
    expect(decodeForm(encoded)).toEqual({
      recurring: { interval: 'month' },
      line_items: { 0: { price: 'price_1', quantity: '2' } },
      note: 'a&b',
    });
  });
});

describe('parameter schemas', () => {
  const schema = {
    customer: str({ required: true }),
    items: arr(obj({ price: str({ required: true }), quantity: int() })),
    metadata: hash(),
    expand: arr(str()),
  } as const;

  it('types values and turns indexed objects into arrays', () => {
    const params = parseParams(
      schema,
      decodeForm('customer=cus_1&items[0][price]=p&items[0][quantity]=3&metadata[k]=&expand[0]=customer'),
    );
    expect(params).toEqual({
      customer: 'cus_1',
      items: [{ price: 'p', quantity: 3 }],
      metadata: { k: null },
      expand: ['customer'],
    });
  });

  it.each([
    ['items[0][price]=p', 'customer', 'parameter_missing'],
    ['customer=c&colour=red', 'colour', 'parameter_unknown'],
    ['customer=c&items[0][price]=p&items[0][qty]=1', 'items[0][qty]', 'parameter_unknown'],
    ['customer=c&items[0][price]=p&items[0][quantity]=two', 'items[0][quantity]', 'parameter_invalid_integer'],
    ['customer=c&items[0][quantity]=1', 'items[0][price]', 'parameter_missing'],
  ])('%s is rejected on %s', (body, param, code) => {
    let caught: unknown;
    try {
      parseParams(schema, decodeForm(body));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StripeApiError);
    expect(caught).toMatchObject({ status: 400, type: 'invalid_request_error', details: { param, code } });
  });
});
