import type { PoolClient } from 'pg';
import type { Orm } from '../../db/orm.js';

export type SqlClient = Pick<PoolClient, 'query'>;

/**
 * Bulk imports and report streaming talk to `pg` directly: they need bound array parameters and one
 * connection held for a whole transaction, which the ORM's query API does not offer. The pool is the
 * ORM's own, so limits and the embedded database apply unchanged.
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
