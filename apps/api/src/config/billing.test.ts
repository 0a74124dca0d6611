import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe('billing configuration', () => {
  it('runs the emulator when STRIPE_SECRET_KEY is unset, with the documented defaults', () => {
    const { billing, mail } = loadConfig({});
    expect(billing).toEqual({
      stripe: { mode: 'emulator', emulatorPort: 12111, webhookSecret: null },
      maxNetworkRetries: 1,
      timeoutMs: 8_000,
      // Two attempts and one pause of at most 0.5 s fit in the 8 s deadline.
      attemptTimeoutMs: 3_750,
      concurrency: 4,
      pastDueGraceDays: 7,
      reconcileSchedule: '0 3 * * *',
      webhookRetry: { baseMs: 30_000, maxAttempts: 10 },
    });
    expect(mail.smtpUrl).toBeNull();
  });

  it('needs the webhook secret and both price ids with a real key, naming each missing one', () => {
    let caught: unknown;
    try {
      loadConfig({ STRIPE_SECRET_KEY: 'sk_test_abc123' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    for (const name of ['STRIPE_WEBHOOK_SECRET', 'STRIPE_PRICE_ID_PRO', 'STRIPE_PRICE_ID_SCALE']) {
      expect(message).toContain(`${name}: required when STRIPE_SECRET_KEY is set`);
    }
    expect(message).not.toContain('sk_test_abc123');
  });

  it('reads a complete Stripe setup, an API base for a separately run emulator, and RECONCILE_SCHEDULE=off', () => {
    const { billing } = loadConfig({
      STRIPE_SECRET_KEY: 'sk_test_abc123',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc',
      STRIPE_PRICE_ID_PRO: 'price_pro',
      STRIPE_PRICE_ID_SCALE: 'price_scale',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      RECONCILE_SCHEDULE: 'off',
      PAST_DUE_GRACE_DAYS: '3',
    });
    expect(billing.stripe).toEqual({
      mode: 'stripe',
      secretKey: 'sk_test_abc123',
      webhookSecret: 'whsec_abc',
      apiBase: 'http://127.0.0.1:12111',
      priceIds: { PRO: 'price_pro', SCALE: 'price_scale' },
    });
    expect(billing.reconcileSchedule).toBeNull();
    expect(billing.pastDueGraceDays).toBe(3);
  });

  it('refuses a Stripe deadline that leaves no time for the attempts its retries make', () => {
    expect(loadConfig({ STRIPE_TIMEOUT_MS: '3000', STRIPE_MAX_NETWORK_RETRIES: '2' }).billing.attemptTimeoutMs).toBe(
      500,
    );
    expect(() => loadConfig({ STRIPE_TIMEOUT_MS: '1000', STRIPE_MAX_NETWORK_RETRIES: '2' })).toThrow(
      /STRIPE_TIMEOUT_MS: too short for STRIPE_MAX_NETWORK_RETRIES=2/,
    );
  });

  it('refuses a key that is not a Stripe secret key without echoing it', () => {
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'pk_live_oops' })).toThrow(
      /STRIPE_SECRET_KEY: expected a Stripe secret key.*\(value hidden\)/,
    );
  });
});
