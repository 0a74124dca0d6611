import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('defaults to the embedded database on port 4000', () => {
    const config = loadConfig({});
    expect(config.server.port).toBe(4000);
    expect(config.server.graphqlBodyLimitBytes).toBe(8 * 1024 * 1024);
    expect(config.database.mode).toBe('embedded');
    expect(config.database.mode === 'embedded' && config.database.dataDir).toMatch(/\.data\/pglite$/);
  });

  it('uses DATABASE_URL when set and treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/app' }).database).toMatchObject({ mode: 'external' });
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.mode).toBe('embedded');
  });

  it('names every bad variable and what it expects, without echoing secrets', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://root:hunter2@db/app', GRAPHQL_BODY_LIMIT: 'huge' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('"eighty"');
    expect(message).toContain('DATABASE_URL: expected a postgres:// connection URL');
    expect(message).toContain('GRAPHQL_BODY_LIMIT: expected a size such as 8mb');
    expect(message).not.toContain('hunter2');
  });
});
