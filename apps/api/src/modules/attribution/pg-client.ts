import type { PoolClient } from 'pg';
import type { Orm } from '../../db/orm.js';

export type SqlClient = Pick<PoolClient, 'query'>;

/**
 * The journey stores' bulk path to PostgreSQL (journey.store.ts, journey-feed.store.ts; nothing else
 * imports it). Imports bind each column of a 5,000-row batch as one array parameter, and reports
 * read a server-side cursor, both on one connection held for a whole transaction. The ORM's
 * `execute` cannot serve them: it formats parameters into the SQL text (an array would be inlined
 * value by value) and gives no cursor. The pool is the ORM's own, so limits and the embedded
 * database apply unchanged.
 */
export async function withTransaction<T>(
  orm: Orm,
  mode: 'read write' | 'snapshot read',
  use: (client: SqlClient) => Promise<T>,
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
