import { startStripeEmulator, type StripeEmulator } from '@aa/stripe-emulator';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../observability/logger.js';
import { startTestApp } from '../../../test/harness.js';
import { StripeSetupError } from './stripe-preflight.js';
import { graphql } from '../../../test/gql/index.js';

const API_DIR = fileURLToPath(new URL('../../../../', import.meta.url));

let emulator: StripeEmulator;
let livePriceId: string;

beforeAll(async () => {
  emulator = await startStripeEmulator({ port: 0 });
  const live = new Stripe('sk_live_preflightLiveKey01', {
    host: emulator.host,
    port: emulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  const product = await live.products.create({ name: 'Attribution Analytics Pro' });
  livePriceId = (
    await live.prices.create({
      product: product.id,
      currency: 'usd',
      unit_amount: 4900,
      recurring: { interval: 'month' },
    })
  ).id;
});
afterAll(() => emulator.close());

/** The variables of a real-key start against the emulator (a test key), prices overridable. */
function stripeEnv(apiPort: number, prices: Partial<{ PRO: string; SCALE: string }> = {}): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: emulator.secretKey,
    STRIPE_API_BASE: `http://127.0.0.1:${apiPort}`,
    STRIPE_WEBHOOK_SECRET: emulator.webhookSecret,
    STRIPE_PRICE_ID_PRO: prices.PRO ?? emulator.priceIds.PRO,
    STRIPE_PRICE_ID_SCALE: prices.SCALE ?? emulator.priceIds.SCALE,
    STRIPE_MAX_NETWORK_RETRIES: '0',
    RECONCILE_SCHEDULE: 'off',
  };
}

/** A log that keeps its JSON lines for the test to read. */
function capturedLog(): {
  log: ReturnType<typeof createLogger>;
  lines: () => Array<{ level: number; msg: string; problem?: string }>;
} {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    log: createLogger('info', sink),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

/** A TCP door to the emulator: closed, every connection is dropped (Stripe unreachable); open, it passes. */
async function door(): Promise<{ port: number; open(): void; close(): Promise<void> }> {
  let isOpen = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    if (!isOpen) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    const upstream = connect(emulator.port, emulator.host);
    socket.pipe(upstream).pipe(socket);
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    open: () => {
      isOpen = true;
    },
    close: () =>
      new Promise((resolve) => {
        // The SDK keeps its connections alive: end them instead of waiting for their idle timeout.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('start-up check of the Stripe settings', () => {
  it('refuses to start with a live-mode price id and a test key, naming the variable', async () => {
    const start = startTestApp({ env: stripeEnv(emulator.port, { PRO: livePriceId }) });
    await expect(start).rejects.toBeInstanceOf(StripeSetupError);
    await expect(start).rejects.toThrow(
      new StripeSetupError([
        `STRIPE_PRICE_ID_PRO: ${livePriceId} is a live-mode price but STRIPE_SECRET_KEY is a test key`,
      ]),
    );
  });

  it('refuses a price of the wrong amount and one that does not exist, one problem per variable on one line', async () => {
    const start = startTestApp({
      env: stripeEnv(emulator.port, { PRO: 'price_doesNotExist', SCALE: emulator.priceIds.PRO }),
    });
    const error = await start.then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toBe(
      'STRIPE_PRICE_ID_PRO: no price price_doesNotExist in this Stripe account (test mode); `pnpm stripe:setup` prints the ids to use; ' +
        `STRIPE_PRICE_ID_SCALE: ${emulator.priceIds.PRO} costs $49.00 a month but the Scale plan costs $199.00`,
    );
  });

  it('starts when key and prices agree', async () => {
    const t = await startTestApp({ env: stripeEnv(emulator.port) });
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    await t.stop();
  });

  it('`pnpm start` (main.ts) stops with exit code 1 and exactly one line on stderr', async () => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
      cwd: API_DIR,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        LOG_LEVEL: 'silent',
        ...stripeEnv(emulator.port, { PRO: livePriceId }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toBe(
      `STRIPE_PRICE_ID_PRO: ${livePriceId} is a live-mode price but STRIPE_SECRET_KEY is a test key\n`,
    );
  }, 60_000);

  it('starts with a warning when Stripe cannot be reached, and checks before the first billing call', async () => {
    const stripeDoor = await door();
    const { log, lines } = capturedLog();
    const t = await startTestApp({ env: stripeEnv(stripeDoor.port), log });
    try {
      expect(
        lines().some((line) => line.level === 40 && line.msg.startsWith('Stripe could not be reached at start')),
      ).toBe(true);
      const user = await t.signUp();
      stripeDoor.open();
      const checkout = await t.graphql(
        graphql(`
          mutation StripePreflightCreateCheckoutSession {
            createCheckoutSession(planTier: PRO) {
              url
            }
          }
        `),
        {},
        { cookie: user.cookie },
      );
      expect(checkout.errors).toBeUndefined();
      expect(checkout.data?.createCheckoutSession.url).toMatch(/^http/);
      expect(lines().some((line) => line.msg === 'Stripe settings checked: key and price ids agree')).toBe(true);
    } finally {
      await t.stop();
      await stripeDoor.close();
    }
  });

  it('a wrong setting found on the first billing call disables billing and logs the one line', async () => {
    const stripeDoor = await door();
    const { log, lines } = capturedLog();
    const t = await startTestApp({ env: stripeEnv(stripeDoor.port, { PRO: livePriceId }), log });
    try {
      const user = await t.signUp();
      stripeDoor.open();
      const checkout = await t.graphql(
        graphql(`
          mutation StripePreflightCreateCheckoutSession2 {
            createCheckoutSession(planTier: PRO) {
              url
            }
          }
        `),
        {},
        { cookie: user.cookie },
      );
      expect(checkout.errors?.[0]?.extensions?.code).toBe('BILLING_PROVIDER_UNAVAILABLE');
      const problem = `STRIPE_PRICE_ID_PRO: ${livePriceId} is a live-mode price but STRIPE_SECRET_KEY is a test key`;
      expect(lines().filter((line) => line.level === 50 && line.problem === problem)).toHaveLength(1);
    } finally {
      await t.stop();
      await stripeDoor.close();
    }
  });
});
