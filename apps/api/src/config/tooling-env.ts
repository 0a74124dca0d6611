/**
 * Variables that only tests and benches read, never the app. They live here so that process.env
 * keeps one home (config/).
 */

/** The PostgreSQL server that tests and benches create scratch databases on; unset: embedded PGlite. */
export function scratchServerUrl(): string | undefined {
  return process.env.DATABASE_URL;
}

/** TEST_LOG_LEVEL=debug shows the app's logs while debugging a test. */
export function testLogLevel(): string {
  return process.env.TEST_LOG_LEVEL ?? 'silent';
}
