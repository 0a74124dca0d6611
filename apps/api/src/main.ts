// First: type-graphql's decorators read this polyfill as soon as any module's GraphQL types load.
import 'reflect-metadata';
import { createApp } from './app.js';
import { loadConfigOrExit } from './config/env.js';
import { startEmulatedStripe, StripeSetupError } from './modules/billing/index.js';

// Composition root: configuration → app (database, services, schema, HTTP) → listening.
const config = loadConfigOrExit();

const emulatedStripe = config.billing.stripe.mode === 'emulator' ? await startEmulatedStripe(config) : null;
const app = await createApp(config, emulatedStripe ? { stripe: emulatedStripe.connection } : {}).catch(
  (error: unknown) => {
    // Stripe settings that cannot work: one line naming the variable, no stack.
    if (!(error instanceof StripeSetupError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
if (emulatedStripe)
  app.log.warn(
    { emulator: emulatedStripe.baseUrl },
    'Stripe EMULATOR mode (STRIPE_SECRET_KEY unset): no real payments',
  );
const { url } = await app.listen();
const publicLine = config.server.publicUrl === url ? [] : [`  public    ${config.server.publicUrl}/`];
process.stdout.write(
  [
    '',
    '  Attribution Analytics',
    `  app       ${url}/`,
    ...publicLine,
    `  GraphQL   ${url}/graphql`,
    `  health    ${url}/healthz  ${url}/readyz`,
    `  metrics   ${url}/metrics`,
    `  database  ${app.databaseMode === 'embedded' ? 'embedded PGlite' : 'PostgreSQL (DATABASE_URL)'}`,
    `  stripe    ${emulatedStripe ? `emulator at ${emulatedStripe.baseUrl} (STRIPE_SECRET_KEY unset)` : 'Stripe API (STRIPE_SECRET_KEY)'}`,
    '',
  ].join('\n') + '\n',
);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    // The emulator last: requests still being answered may call it.
    app
      .close()
      .then(() => emulatedStripe?.close())
      .then(
        () => {
          app.log.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  });
}
