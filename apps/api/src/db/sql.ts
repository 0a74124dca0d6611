import { MikroORM, type SqlEntityManager } from '@mikro-orm/postgresql';
import type { PoolClient } from 'pg';
import type { Orm } from './orm.js';

/**
 * The stores' one way to raw SQL. Statements take `?` placeholders. Given the ORM, a statement runs
 * on a fresh fork, outside any transaction; given a transaction's entity manager, inside it.
 * PostgreSQL's errors arrive as MikroORM's driver exceptions (e.g. UniqueConstraintViolationException).
 */
export type SqlTarget = Orm | SqlEntityManager;

/** Every row the statement returns (none for a write without `returning`). */
export function sql<Row extends object>(db: SqlTarget, text: string, params: readonly unknown[] = []): Promise<Row[]> {
  const em = db instanceof MikroORM ? db.em.fork() : db;
  return em.execute<Row[]>(text, [...params], 'all');
}

/** The first row, or null when there is none. */
export async function sqlOne<Row extends object>(
  db: SqlTarget,
  text: string,
  params: readonly unknown[] = [],
): Promise<Row | null> {
  return (await sql<Row>(db, text, params))[0] ?? null;
}

/**
 * Holds `key` until the transaction ends: serialises the transactions that take the same key without
 * locking any table row. Keys are hashed to 32 bits; a collision only serialises two unrelated keys.
 */
export async function lockForTransaction(tx: SqlEntityManager, key: string): Promise<void> {
  await sql(tx, 'select pg_advisory_xact_lock(hashtext(?))', [key]);
}

/** The ORM's driver hands timestamps back as strings; stores read them through this. */
export function dateOrNull(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

export type PgClient = Pick<PoolClient, 'query'>;

/**
 * ORMs whose pooled connections are each a server session of their own, where `pgQuery` keeps named
 * statements prepared. PGlite (embedded, or the tests' scratch server without PostgreSQL) serves every
 * connection from one session, where two connections preparing a statement of one name collide.
 */
const ownSessions = new WeakSet<Orm>();

export async function usePreparedStatementsUnlessShared(orm: Orm): Promise<void> {
  const [server] = await pgQuery<{ version: string }>(orm, 'select version() as version');
  if (!server?.version.includes('PGlite')) ownSessions.add(orm);
}

/**
 * One statement on the ORM's pool, outside any transaction, with `$1` placeholders: a single round
 * trip where `sql` would fork an entity manager and format the parameters into the text (the
 * metered path's counter statements run on every call). A `name` (one per distinct text) keeps the
 * statement parsed and planned on each connection: for the webhook log's batched insert, parsing and
 * planning cost the server as much as the insert itself (issue 12).
 */
export async function pgQuery<Row extends object>(
  orm: Orm,
  text: string,
  params: readonly unknown[] = [],
  name?: string,
): Promise<Row[]> {
  const pool = await orm.em.getConnection().getNativeClient();
  const values = [...params];
  if (name !== undefined && ownSessions.has(orm)) return (await pool.query<Row>({ name, text, values })).rows;
  return (await pool.query<Row>(text, values)).rows;
}

/**
 * The bulk path, for the journey stores only: imports bind each column of a 5,000-row batch as one
 * array parameter, and reports read a server-side cursor, both on one connection held for a whole
 * transaction. `sql` cannot serve them: the ORM formats parameters into the SQL text (an array
 * would be inlined value by value) and gives no cursor. The pool is the ORM's own, so limits and
 * the embedded database apply unchanged. Statements here take `$1` placeholders.
 */
export async function withPgTransaction<T>(
  orm: Orm,
  mode: 'read write' | 'snapshot read',
  use: (client: PgClient) => Promise<T>,
): Promise<T> {
  const pool = await orm.em.getConnection().getNativeClient();
  const client = await pool.connect();
  try {
    // A report reads many batches; one snapshot keeps them consistent with each other.
    await client.query(mode === 'snapshot read' ? 'begin isolation level repeatable read read only' : 'begin');
    const result = await use(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
