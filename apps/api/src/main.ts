import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/env.js';

// Composition root: configuration → app (database, services, schema, HTTP) → listening.
let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const app = await createApp(config);
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
    '',
  ].join('\n') + '\n',
);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(
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
