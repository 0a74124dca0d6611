import { randomUUID } from 'node:crypto';
import type { PaidPlanTier } from '@aa/plans';
import type { Orm } from '../../db/orm.js';
import { dateOrNull, pgQuery, sql, sqlOne, type SqlTarget } from '../../db/sql.js';
import type { PlanChangeSnapshot } from './plan-change-snapshot.js';
import { changesTo, type SubscriptionChanges } from './subscription-changes.js';
import { ENDED_STATUSES, GRACE_STATUSES, PAID_STATUSES, isEndedStatus } from './subscription-access.js';
import type { SubscriptionSnapshot } from './subscription-snapshot.js';

/** A live subscription is any not ended: the organization's one live subscription (the partial unique index). */
const NOT_ENDED = `status not in (${ENDED_STATUSES.map(() => '?').join(', ')})`;
/** Statuses Stripe renews at the period's end. */
const RENEWING_STATUSES = [...PAID_STATUSES, ...GRACE_STATUSES];

export interface SubscriptionRow extends PlanChangeSnapshot {
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
  cancelAt: Date | null;
  latestInvoiceId: string | null;
  openInvoiceUrl: string | null;
}

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
  cancel_at: Date | string | null;
  latest_invoice_id: string | null;
  open_invoice_url: string | null;
  schedule_id: string | null;
  scheduled_tier: PaidPlanTier | null;
  scheduled_at: Date | string | null;
  pending_tier: PaidPlanTier | null;
  pending_invoice_url: string | null;
  pending_expires_at: Date | string | null;
}

const COLUMNS = `id, organization_id, stripe_customer_id, stripe_subscription_id, stripe_price_id, plan_tier, status,
  current_period_start, current_period_end, cancel_at_period_end, past_due_since, cancel_at, latest_invoice_id, open_invoice_url,
  schedule_id, scheduled_tier, scheduled_at, pending_tier, pending_invoice_url, pending_expires_at`;

const UPSERT_SQL = `
  insert into billing_subscription (id, organization_id, stripe_customer_id, stripe_subscription_id, stripe_price_id,
    plan_tier, status, current_period_start, current_period_end, cancel_at_period_end, past_due_since,
    cancel_at, latest_invoice_id, open_invoice_url,
    schedule_id, scheduled_tier, scheduled_at, pending_tier, pending_invoice_url, pending_expires_at, created_at, updated_at, ended_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (stripe_subscription_id) do update set
    stripe_price_id = excluded.stripe_price_id,
    plan_tier = excluded.plan_tier,
    status = excluded.status,
    current_period_start = excluded.current_period_start,
    current_period_end = excluded.current_period_end,
    cancel_at_period_end = excluded.cancel_at_period_end,
    past_due_since = excluded.past_due_since,
    cancel_at = excluded.cancel_at,
    latest_invoice_id = excluded.latest_invoice_id,
    open_invoice_url = excluded.open_invoice_url,
    schedule_id = excluded.schedule_id,
    scheduled_tier = excluded.scheduled_tier,
    scheduled_at = excluded.scheduled_at,
    pending_tier = excluded.pending_tier,
    pending_invoice_url = excluded.pending_invoice_url,
    pending_expires_at = excluded.pending_expires_at,
    updated_at = excluded.updated_at,
    -- The first time we saw it ended (the overview's churn); cleared if Stripe brings it back.
    ended_at = case when excluded.ended_at is null then null else coalesce(billing_subscription.ended_at, excluded.ended_at) end`;

const LIVE_OF_ORGANIZATIONS = `select ${COLUMNS} from billing_subscription where organization_id = any($1::uuid[]) and status <> all($2::text[])`;

/** A stored subscription with what a sync checks before it takes the row as already current. */
export interface StoredSyncState {
  row: SubscriptionRow;
  customerMapped: boolean;
  unsettledDuplicate: boolean;
}

/** A row a write touched: by its organization, or by its Stripe id when the write does not know it. */
export type WrittenSubscription = { organizationId: string } | { stripeSubscriptionId: string };

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
    pastDueSince: dateOrNull(row.past_due_since),
    cancelAt: dateOrNull(row.cancel_at),
    latestInvoiceId: row.latest_invoice_id,
    openInvoiceUrl: row.open_invoice_url,
    scheduleId: row.schedule_id,
    scheduledTier: row.scheduled_tier,
    scheduledAt: dateOrNull(row.scheduled_at),
    pendingTier: row.pending_tier,
    pendingInvoiceUrl: row.pending_invoice_url,
    pendingExpiresAt: dateOrNull(row.pending_expires_at),
  };
}

/** billing_subscription, written only with Stripe's state of a subscription (upsert keyed on its id). */
export class SubscriptionStore {
  readonly #written = new Set<(written: WrittenSubscription) => void>();

  /** Calls `listener` with each row this instance writes, as the write is made (before its commit). */
  onWrite(listener: (written: WrittenSubscription) => void): void {
    this.#written.add(listener);
  }

  /**
   * The live subscriptions of these organizations, on the pool outside any transaction: the plan
   * cache's check (one statement for every cached organization) and its misses, with `$n` parameters
   * rather than an entity manager formatting the values into new SQL text each time.
   */
  async liveOfEach(orm: Orm, organizationIds: readonly string[]): Promise<SubscriptionRow[]> {
    const rows = await pgQuery<DbRow>(orm, LIVE_OF_ORGANIZATIONS, [organizationIds, ENDED_STATUSES]);
    return rows.map(toRow);
  }

  async liveOf(db: SqlTarget, organizationId: string): Promise<SubscriptionRow | null> {
    const row = await sqlOne<DbRow>(
      db,
      `select ${COLUMNS} from billing_subscription where organization_id = ? and ${NOT_ENDED}`,
      [organizationId, ...ENDED_STATUSES],
    );
    return row ? toRow(row) : null;
  }

  /** Every organization's live subscription. */
  async allLive(db: SqlTarget): Promise<SubscriptionRow[]> {
    const rows = await sql<DbRow>(db, `select ${COLUMNS} from billing_subscription where ${NOT_ENDED}`, [
      ...ENDED_STATUSES,
    ]);
    return rows.map(toRow);
  }

  /** The Stripe ids of a customer's subscriptions that have not ended, as we last saw them. */
  async liveIdsOfCustomer(db: SqlTarget, stripeCustomerId: string): Promise<string[]> {
    const rows = await sql<{ stripe_subscription_id: string }>(
      db,
      `select stripe_subscription_id from billing_subscription where stripe_customer_id = ? and ${NOT_ENDED}`,
      [stripeCustomerId, ...ENDED_STATUSES],
    );
    return rows.map((row) => row.stripe_subscription_id);
  }

  /** The live subscription if there is one, else the one that ended last; null if none ever. */
  async latestOf(db: SqlTarget, organizationId: string): Promise<SubscriptionRow | null> {
    const row = await sqlOne<DbRow>(
      db,
      `select ${COLUMNS} from billing_subscription where organization_id = ?
        order by (${NOT_ENDED}) desc, updated_at desc, created_at desc limit 1`,
      [organizationId, ...ENDED_STATUSES],
    );
    return row ? toRow(row) : null;
  }

  async byStripeId(db: SqlTarget, stripeSubscriptionId: string): Promise<SubscriptionRow | null> {
    const row = await sqlOne<DbRow>(
      db,
      `select ${COLUMNS} from billing_subscription where stripe_subscription_id = ?`,
      [stripeSubscriptionId],
    );
    return row ? toRow(row) : null;
  }

  /**
   * The stored row of one subscription as a sync would meet it, read on the pool without a lock:
   * whether its customer still maps to its organization (a replaced customer's events find none) and
   * whether that organization has a duplicate subscription still to settle. One statement, so a sync
   * that finds its row already at Stripe's state (a redelivery, the rest of a burst) costs no more.
   */
  async syncStateOf(orm: Orm, stripeSubscriptionId: string): Promise<StoredSyncState | null> {
    const [row] = await pgQuery<DbRow & { customer_mapped: boolean; unsettled_duplicate: boolean }>(
      orm,
      `select ${COLUMNS},
         exists (select 1 from billing_customer c
                 where c.stripe_customer_id = s.stripe_customer_id and c.organization_id = s.organization_id) as customer_mapped,
         exists (select 1 from billing_incident i
                 where i.organization_id = s.organization_id and i.settled_at is null) as unsettled_duplicate
       from billing_subscription s where s.stripe_subscription_id = $1`,
      [stripeSubscriptionId],
      'billing_subscription_sync_state',
    );
    if (!row) return null;
    return { row: toRow(row), customerMapped: row.customer_mapped, unsettledDuplicate: row.unsettled_duplicate };
  }

  /** Brings the row to the snapshot; returns what differed (every field for a new row). */
  async apply(
    db: SqlTarget,
    organizationId: string,
    snapshot: SubscriptionSnapshot,
    now: Date,
  ): Promise<SubscriptionChanges> {
    const before = await this.byStripeId(db, snapshot.stripeSubscriptionId);
    const { changes, pastDueSince, openInvoiceUrl } = changesTo(before, snapshot, now);
    if (Object.keys(changes).length === 0 && before?.pastDueSince?.getTime() === pastDueSince?.getTime())
      return changes;
    this.#wrote({ organizationId });
    await sql(db, UPSERT_SQL, [
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
      snapshot.cancelAt,
      snapshot.latestInvoiceId,
      openInvoiceUrl,
      snapshot.scheduleId,
      snapshot.scheduledTier,
      snapshot.scheduledAt,
      snapshot.pendingTier,
      snapshot.pendingInvoiceUrl,
      snapshot.pendingExpiresAt,
      now,
      now,
      isEndedStatus(snapshot.status) ? now : null,
    ]);
    return changes;
  }

  /**
   * Ends a row ahead of Stripe: a duplicate subscription billing is about to cancel (SubscriptionSync),
   * or one moved off our plans. Its cancellation in Stripe then writes the same state.
   */
  async markEnded(db: SqlTarget, stripeSubscriptionId: string, now: Date): Promise<void> {
    this.#wrote({ stripeSubscriptionId });
    await sql(
      db,
      `update billing_subscription set status = 'canceled', past_due_since = null, ended_at = coalesce(ended_at, ?), updated_at = ?
       where stripe_subscription_id = ? and ${NOT_ENDED}`,
      [now, now, stripeSubscriptionId, ...ENDED_STATUSES],
    );
  }

  /**
   * Ends a row whose subscription Stripe answers `resource_missing` for (test data deleted, or keys of
   * another account or mode): nothing bills it any more, so it must not grant a plan. `canceled` is
   * the status Stripe gives an ended subscription, so every reader already treats it as FREE, and
   * the row comes back as Stripe has it if that subscription is ever listed again (keys swapped
   * back): the sync writes Stripe's state over it. Returns the status it had, or null when another
   * writer ended it first.
   */
  async endVanished(db: SqlTarget, stripeSubscriptionId: string, now: Date): Promise<string | null> {
    this.#wrote({ stripeSubscriptionId });
    const row = await sqlOne<{ status: string }>(
      db,
      `update billing_subscription as updated set status = 'canceled', past_due_since = null, updated_at = ?
         from billing_subscription as previous
        where updated.id = previous.id and updated.stripe_subscription_id = ? and updated.${NOT_ENDED}
        returning previous.status`,
      [now, stripeSubscriptionId, ...ENDED_STATUSES],
    );
    return row?.status ?? null;
  }

  #wrote(written: WrittenSubscription): void {
    for (const listener of this.#written) listener(written);
  }

  /** Records what reconciliation changed in a row to match Stripe (billing_repair). */
  async recordRepair(
    db: SqlTarget,
    repair: { stripeSubscriptionId: string; organizationId: string; changes: SubscriptionChanges; source: string },
    now: Date,
  ): Promise<void> {
    await sql(
      db,
      `insert into billing_repair (id, stripe_subscription_id, organization_id, changes, source, created_at) values (?, ?, ?, ?, ?, ?)`,
      [
        randomUUID(),
        repair.stripeSubscriptionId,
        repair.organizationId,
        JSON.stringify(repair.changes),
        repair.source,
        now,
      ],
    );
  }

  /** Subscriptions cancelled since `since`, not counting the duplicates billing cancelled itself. */
  async churnedSince(db: SqlTarget, since: Date): Promise<number> {
    const row = await sqlOne<{ count: string | number }>(
      db,
      `select count(*) as count from billing_subscription s
       where s.status = 'canceled' and s.ended_at >= ?
         and not exists (select 1 from billing_incident i
                         where i.kind = 'DUPLICATE_SUBSCRIPTION' and i.stripe_subscription_id = s.stripe_subscription_id)`,
      [since],
    );
    return Number(row?.count ?? 0);
  }

  /** Live subscriptions counted by plan and status. */
  async countLive(db: SqlTarget): Promise<Array<{ planTier: string; status: string; count: number }>> {
    const rows = await sql<{ plan_tier: string; status: string; count: number }>(
      db,
      `select plan_tier, status, count(*)::int as count from billing_subscription where ${NOT_ENDED} group by plan_tier, status`,
      [...ENDED_STATUSES],
    );
    return rows.map((row) => ({ planTier: row.plan_tier, status: row.status, count: row.count }));
  }

  /** Renewing subscriptions (paid or in grace) whose stored period ended before `before`. */
  async countRenewalOverdue(db: SqlTarget, before: Date): Promise<number> {
    const row = await sqlOne<{ count: number }>(
      db,
      `select count(*)::int as count from billing_subscription
        where status in (${RENEWING_STATUSES.map(() => '?').join(', ')}) and current_period_end < ?`,
      [...RENEWING_STATUSES, before],
    );
    return row?.count ?? 0;
  }
}
