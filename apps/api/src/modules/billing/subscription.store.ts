import { randomUUID } from 'node:crypto';
import type { PaidPlanTier } from '@aa/plans';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { SubscriptionSnapshot } from './subscription-snapshot.js';

/** Statuses that still hold the organization's one live subscription (the partial unique index). */
const ENDED_STATUSES = `('canceled', 'incomplete_expired')`;

export interface SubscriptionRow {
  id: string;
  organizationId: string;
  stripeCustomerId: string;
  stripeSubscriptionId: string;
  stripePriceId: string;
  tier: PaidPlanTier;
  status: string;
  periodStart: Date;
  periodEnd: Date;
  cancelAtPeriodEnd: boolean;
  pastDueSince: Date | null;
}

/** What a sync changed, field by field; empty when the row already matched Stripe. */
export type SubscriptionChanges = Record<string, { from: unknown; to: unknown }>;

interface DbRow {
  id: string;
  organization_id: string;
  stripe_customer_id: string;
  stripe_subscription_id: string;
  stripe_price_id: string;
  plan_tier: PaidPlanTier;
  status: string;
  current_period_start: Date | string;
  current_period_end: Date | string;
  cancel_at_period_end: boolean;
  past_due_since: Date | string | null;
}

const COLUMNS = `id, organization_id, stripe_customer_id, stripe_subscription_id, stripe_price_id, plan_tier, status,
  current_period_start, current_period_end, cancel_at_period_end, past_due_since`;

const UPSERT_SQL = `
  insert into billing_subscription (id, organization_id, stripe_customer_id, stripe_subscription_id, stripe_price_id,
    plan_tier, status, current_period_start, current_period_end, cancel_at_period_end, past_due_since, created_at, updated_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (stripe_subscription_id) do update set
    stripe_price_id = excluded.stripe_price_id,
    plan_tier = excluded.plan_tier,
    status = excluded.status,
    current_period_start = excluded.current_period_start,
    current_period_end = excluded.current_period_end,
    cancel_at_period_end = excluded.cancel_at_period_end,
    past_due_since = excluded.past_due_since,
    updated_at = excluded.updated_at`;

function toRow(row: DbRow): SubscriptionRow {
  return {
    id: row.id,
    organizationId: row.organization_id,
    stripeCustomerId: row.stripe_customer_id,
    stripeSubscriptionId: row.stripe_subscription_id,
    stripePriceId: row.stripe_price_id,
    tier: row.plan_tier,
    status: row.status,
    periodStart: new Date(row.current_period_start),
    periodEnd: new Date(row.current_period_end),
    cancelAtPeriodEnd: row.cancel_at_period_end,
    pastDueSince: row.past_due_since === null ? null : new Date(row.past_due_since),
  };
}

/** billing_subscription, written only with Stripe's state of a subscription (upsert keyed on its id). */
export class SubscriptionStore {
  async liveOf(em: SqlEntityManager, organizationId: string): Promise<SubscriptionRow | null> {
    const rows = await em.execute<DbRow[]>(
      `select ${COLUMNS} from billing_subscription where organization_id = ? and status not in ${ENDED_STATUSES}`,
      [organizationId],
    );
    return rows[0] ? toRow(rows[0]) : null;
  }

  async byStripeId(em: SqlEntityManager, stripeSubscriptionId: string): Promise<SubscriptionRow | null> {
    const rows = await em.execute<DbRow[]>(`select ${COLUMNS} from billing_subscription where stripe_subscription_id = ?`, [
      stripeSubscriptionId,
    ]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /** Brings the row to the snapshot; returns what differed (every field for a new row). */
  async apply(em: SqlEntityManager, organizationId: string, snapshot: SubscriptionSnapshot, now: Date): Promise<SubscriptionChanges> {
    const before = await this.byStripeId(em, snapshot.stripeSubscriptionId);
    // The grace period counts from the first time we saw past_due, and ends when the status leaves it.
    const pastDueSince = snapshot.status === 'past_due' ? (before?.pastDueSince ?? now) : null;
    const after = {
      stripePriceId: snapshot.stripePriceId,
      tier: snapshot.tier,
      status: snapshot.status,
      periodStart: snapshot.periodStart,
      periodEnd: snapshot.periodEnd,
      cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
    };
    const changes = diff(before, after);
    if (Object.keys(changes).length === 0 && before?.pastDueSince?.getTime() === pastDueSince?.getTime()) return changes;
    await em.execute(UPSERT_SQL, [
      randomUUID(),
      organizationId,
      snapshot.stripeCustomerId,
      snapshot.stripeSubscriptionId,
      snapshot.stripePriceId,
      snapshot.tier,
      snapshot.status,
      snapshot.periodStart,
      snapshot.periodEnd,
      snapshot.cancelAtPeriodEnd,
      pastDueSince,
      now,
      now,
    ]);
    return changes;
  }
}

function diff(before: SubscriptionRow | null, after: Omit<SubscriptionRow, 'id' | 'organizationId' | 'stripeCustomerId' | 'stripeSubscriptionId' | 'pastDueSince'>): SubscriptionChanges {
  const changes: SubscriptionChanges = {};
  for (const [key, value] of Object.entries(after) as Array<[keyof typeof after, unknown]>) {
    const previous = before ? before[key] : null;
    if (!sameValue(previous, value)) changes[key] = { from: previous, to: value };
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
