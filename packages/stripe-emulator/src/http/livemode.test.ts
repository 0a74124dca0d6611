import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeEmulator } from '../index.js';
import { startEmulatorWithClient } from '../testing/sdk-client.js';

let emulator: StripeEmulator;
let testStripe: Stripe;
let liveStripe: Stripe;

beforeAll(async () => {
  ({ emulator, stripe: testStripe } = await startEmulatorWithClient());
  liveStripe = new Stripe('sk_live_emulatorLiveKey0001', {
    host: emulator.host,
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
});
afterAll(() => emulator.close());

async function livePrice(): Promise<Stripe.Price> {
  const product = await liveStripe.products.create({ name: 'Live product' });
  return liveStripe.prices.create({
    product: product.id,
    currency: 'usd',
    unit_amount: 4900,
    recurring: { interval: 'month' },
  });
}

describe('test and live mode are kept apart, as on Stripe', () => {
  it('a sk_live_ key creates live-mode objects and a sk_test_ key test-mode ones', async () => {
    const live = await livePrice();
    expect(live.livemode).toBe(true);
    expect((await liveStripe.products.retrieve(String(live.product))).livemode).toBe(true);
    expect((await testStripe.prices.retrieve(emulator.priceIds.PRO)).livemode).toBe(false);
  });

  it("a key of the other mode gets resource_missing with Stripe's 'similar object exists' message", async () => {
    const live = await livePrice();
    const fromTest = await testStripe.prices
      .retrieve(live.id)
      .catch((error: unknown) => error as Stripe.errors.StripeError);
    expect(fromTest).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((fromTest as Stripe.errors.StripeError).statusCode).toBe(404);
    expect((fromTest as Stripe.errors.StripeError).code).toBe('resource_missing');
    expect((fromTest as Stripe.errors.StripeError).message).toBe(
      `No such price: '${live.id}'; a similar object exists in live mode, but a test mode key was used to make this request.`,
    );

    const fromLive = await liveStripe.prices
      .retrieve(emulator.priceIds.PRO)
      .catch((error: unknown) => error as Stripe.errors.StripeError);
    expect((fromLive as Stripe.errors.StripeError).message).toBe(
      `No such price: '${emulator.priceIds.PRO}'; a similar object exists in test mode, but a live mode key was used to make this request.`,
    );
  });

  it('lists show only the objects of the key’s mode', async () => {
    const live = await livePrice();
    const testIds = (await testStripe.prices.list({ limit: 100 })).data.map((price) => price.id);
    const liveIds = (await liveStripe.prices.list({ limit: 100 })).data.map((price) => price.id);
    expect(testIds).toContain(emulator.priceIds.PRO);
    expect(testIds).not.toContain(live.id);
    expect(liveIds).toContain(live.id);
    expect(liveIds).not.toContain(emulator.priceIds.PRO);
  });

  it('lookup keys are unique within a mode: a live price may use the key a test price holds', async () => {
    const product = await liveStripe.products.create({ name: 'Live Pro' });
    const live = await liveStripe.prices.create({
      product: product.id,
      currency: 'usd',
      unit_amount: 4900,
      recurring: { interval: 'month' },
      lookup_key: 'pro_monthly',
    });
    expect((await liveStripe.prices.list({ lookup_keys: ['pro_monthly'] })).data.map((price) => price.id)).toEqual([
      live.id,
    ]);
    expect((await testStripe.prices.list({ lookup_keys: ['pro_monthly'] })).data.map((price) => price.id)).toEqual([
      emulator.priceIds.PRO,
    ]);
  });

  it('still refuses keys that are neither sk_test_ nor sk_live_', async () => {
    const publishable = new Stripe('pk_live_notASecretKey', {
      host: emulator.host,
      port: emulator.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const error = await publishable.prices.list().catch((caught: unknown) => caught as Stripe.errors.StripeError);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });
});
