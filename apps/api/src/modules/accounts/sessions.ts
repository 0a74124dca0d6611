import { randomUUID } from 'node:crypto';
import type { Orm } from '../../db/orm.js';
import { Session } from './accounts.entity.js';
import { randomSecret, secretHash } from './credentials.js';

type EntityManager = ReturnType<Orm['em']['fork']>;

/** A new session's raw token (for the cookie, never stored) and when it ends. */
export interface NewSession {
  sessionToken: string;
  expiresAt: Date;
}

/** Adds a session of the user in the organization to the unit of work; the caller flushes it. */
export function createSession(
  em: EntityManager,
  now: Date,
  ttlDays: number,
  userId: string,
  organizationId: string,
): NewSession {
  const sessionToken = randomSecret();
  const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
  em.create(Session, {
    id: randomUUID(),
    userId,
    organizationId,
    tokenHash: secretHash(sessionToken),
    createdAt: now,
    expiresAt,
  });
  return { sessionToken, expiresAt };
}
