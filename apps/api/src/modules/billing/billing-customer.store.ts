import { sql, sqlOne, type SqlTarget } from '../../db/sql.js';

/** An organization's stored Stripe customer. */
export interface StoredCustomer {
  /** The customer to use; null when Stripe no longer has the stored one. */
  live: string | null;
  deleted: string | null;
  email: string;
}

/** billing_customer: one row per organization, marked deleted (not dropped) when Stripe loses it. */
export async function storedCustomerOf(db: SqlTarget, organizationId: string): Promise<StoredCustomer | null> {
  const row = await sqlOne<{ stripe_customer_id: string; email: string; deleted_at: Date | null }>(
    db,
    'select stripe_customer_id, email, deleted_at from billing_customer where organization_id = ?',
    [organizationId],
  );
  if (!row) return null;
  const deleted = row.deleted_at !== null;
  return {
    live: deleted ? null : row.stripe_customer_id,
    deleted: deleted ? row.stripe_customer_id : null,
    email: row.email,
  };
}

export async function organizationOfCustomer(db: SqlTarget, stripeCustomerId: string): Promise<string | null> {
  const row = await sqlOne<{ organization_id: string }>(
    db,
    'select organization_id from billing_customer where stripe_customer_id = ?',
    [stripeCustomerId],
  );
  return row?.organization_id ?? null;
}

/**
 * Stores the customer unless the organization has a row already; an existing row is replaced only
 * while it is the deleted customer `replacing`. False when nothing was stored.
 */
export async function recordCustomer(
  db: SqlTarget,
  customer: { organizationId: string; stripeCustomerId: string; email: string; replacing: string | null },
  now: Date,
): Promise<boolean> {
  const rows = await sql<{ stripe_customer_id: string }>(
    db,
    `insert into billing_customer (organization_id, stripe_customer_id, email, created_at) values (?, ?, ?, ?)
      on conflict (organization_id) do update set
        stripe_customer_id = excluded.stripe_customer_id, email = excluded.email, created_at = excluded.created_at, deleted_at = null
      where billing_customer.deleted_at is not null and billing_customer.stripe_customer_id = ?
      returning stripe_customer_id`,
    [customer.organizationId, customer.stripeCustomerId, customer.email, now, customer.replacing],
  );
  return rows.length > 0;
}

/** Marks the customer deleted; returns its organization, or null for a customer we do not know. */
export async function forgetCustomer(db: SqlTarget, stripeCustomerId: string, now: Date): Promise<string | null> {
  const row = await sqlOne<{ organization_id: string }>(
    db,
    'update billing_customer set deleted_at = coalesce(deleted_at, ?) where stripe_customer_id = ? returning organization_id',
    [now, stripeCustomerId],
  );
  return row?.organization_id ?? null;
}
