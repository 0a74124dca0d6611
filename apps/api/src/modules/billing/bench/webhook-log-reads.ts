/**
 * What `pnpm bench` (src/bench/api.bench.ts) reads of billing's tables on its scratch database, kept in
 * billing's folder with the module's other SQL. Plain pg: the bench is a separate process without the ORM.
 */
import type pg from 'pg';

/** Events the worker still has to apply (new, claimed, or failed with attempts left). */
export async function pendingWebhookEvents(pool: pg.Pool, maxAttempts: number): Promise<number> {
  const { rows } = await pool.query<{ pending: string }>(
    `select count(*) as pending from stripe_webhook_event where status in ('received', 'processing')
       or (status = 'failed' and attempts < $1)`,
    [maxAttempts],
  );
  return Number(rows[0]?.pending ?? 0);
}

/** Of the events whose id starts with `prefix`: how many are logged, and how many were processed on their first attempt. */
export async function webhookLogCounts(pool: pg.Pool, prefix: string): Promise<{ rows: number; appliedOnce: number }> {
  const { rows } = await pool.query<{ rows: string; once: string }>(
    `select count(*) as rows, count(*) filter (where status = 'processed' and attempts = 1) as once
     from stripe_webhook_event where starts_with(id, $1)`,
    [prefix],
  );
  return { rows: Number(rows[0]?.rows ?? 0), appliedOnce: Number(rows[0]?.once ?? 0) };
}

/** Every subscription's Stripe id, in a stable order. */
export async function stripeSubscriptionIds(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    'select stripe_subscription_id as id from billing_subscription order by stripe_subscription_id',
  );
  return rows.map((row) => row.id);
}
