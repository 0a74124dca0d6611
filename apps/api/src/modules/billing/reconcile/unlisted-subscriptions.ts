import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { ENDED_STATUSES } from '../subscription-access.js';

/** A row that may still grant a plan: its status is not one of the ended ones. */
export interface LiveRow {
  stripeSubscriptionId: string;
  organizationId: string;
  status: string;
}

const NOT_ENDED = (column: string) => `${column} not in (${ENDED_STATUSES.map(() => '?').join(', ')})`;

export async function liveRows(em: SqlEntityManager): Promise<LiveRow[]> {
  const rows = await em.execute<Array<{ stripe_subscription_id: string; organization_id: string; status: string }>>(
    `select stripe_subscription_id, organization_id, status from billing_subscription where ${NOT_ENDED('status')}`,
    [...ENDED_STATUSES],
  );
  return rows.map((row) => ({
    stripeSubscriptionId: row.stripe_subscription_id,
    organizationId: row.organization_id,
    status: row.status,
  }));
}

/**
 * Ends a row whose subscription Stripe answers `resource_missing` for (test data deleted, or keys of
 * another account or mode): nothing bills it any more, so it must not grant a plan. `canceled` is
 * the status Stripe gives an ended subscription, so every reader already treats it as FREE, and
 * the row comes back as Stripe has it if that subscription is ever listed again (keys swapped
 * back): the sync writes Stripe's state over it. Returns the status it had, or null when another
 * writer ended it first.
 */
export async function endVanishedRow(
  em: SqlEntityManager,
  stripeSubscriptionId: string,
  now: Date,
): Promise<string | null> {
  const rows = await em.execute<Array<{ status: string }>>(
    `update billing_subscription as updated set status = 'canceled', past_due_since = null, updated_at = ?
       from billing_subscription as previous
      where updated.id = previous.id and updated.stripe_subscription_id = ? and ${NOT_ENDED('updated.status')}
      returning previous.status`,
    [now, stripeSubscriptionId, ...ENDED_STATUSES],
  );
  return rows[0]?.status ?? null;
}
