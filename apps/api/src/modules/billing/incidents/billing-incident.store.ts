import { randomUUID } from 'node:crypto';
import type { PaidPlanTier } from '@aa/plans';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../../../db/orm.js';
import { dateOrNull, sql } from '../../../db/sql.js';

export const INCIDENT_KINDS = ['DUPLICATE_SUBSCRIPTION'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export interface BillingIncident {
  id: string;
  organizationId: string;
  kind: IncidentKind;
  /** The subscription billing acted on (for a duplicate: the one cancelled). */
  stripeSubscriptionId: string;
  keptStripeSubscriptionId: string | null;
  planTier: PaidPlanTier | null;
  refundedCents: number;
  detail: string;
  createdAt: Date;
  /** Null while Stripe has not yet done what was decided (cancel, refund). */
  settledAt: Date | null;
}

interface IncidentRow {
  id: string;
  organization_id: string;
  kind: IncidentKind;
  stripe_subscription_id: string;
  kept_stripe_subscription_id: string | null;
  plan_tier: PaidPlanTier | null;
  refunded_cents: number;
  detail: string;
  created_at: Date | string;
  settled_at: Date | string | null;
}

const COLUMNS =
  'id, organization_id, kind, stripe_subscription_id, kept_stripe_subscription_id, plan_tier, refunded_cents, detail, created_at, settled_at';

export interface DuplicateDecision {
  organizationId: string;
  cancelled: { stripeSubscriptionId: string; tier: PaidPlanTier | null };
  keptStripeSubscriptionId: string;
}

/** billing_incident: what billing did on its own that the organization's admins should know about. */
export class BillingIncidentStore {
  constructor(private readonly orm: Orm) {}

  /**
   * Records the decision to cancel a duplicate. The first decision stands: a redelivery, or the
   * other subscription's events, find the row and change nothing (unique on kind + subscription).
   */
  async recordDuplicate(em: SqlEntityManager, decision: DuplicateDecision, now: Date): Promise<void> {
    await sql(
      em,
      `insert into billing_incident (id, organization_id, kind, stripe_subscription_id, kept_stripe_subscription_id, plan_tier, detail, created_at)
       values (?, ?, 'DUPLICATE_SUBSCRIPTION', ?, ?, ?, ?, ?)
       on conflict (kind, stripe_subscription_id) do nothing`,
      [
        randomUUID(),
        decision.organizationId,
        decision.cancelled.stripeSubscriptionId,
        decision.keptStripeSubscriptionId,
        decision.cancelled.tier,
        `A second live subscription beside ${decision.keptStripeSubscriptionId}: ${decision.cancelled.stripeSubscriptionId} is being cancelled`,
        now,
      ],
    );
  }

  /** Whether billing decided to cancel this subscription as a duplicate (it must never count as live again). */
  async isCancelledDuplicate(em: SqlEntityManager, stripeSubscriptionId: string): Promise<boolean> {
    const rows = await sql<{ id: string }>(
      em,
      `select id from billing_incident where kind = 'DUPLICATE_SUBSCRIPTION' and stripe_subscription_id = ?`,
      [stripeSubscriptionId],
    );
    return rows.length > 0;
  }

  async unsettledOf(organizationId: string): Promise<BillingIncident[]> {
    const rows = await sql<IncidentRow>(
      this.orm,
      `select ${COLUMNS} from billing_incident where organization_id = ? and settled_at is null order by created_at`,
      [organizationId],
    );
    return rows.map(toIncident);
  }

  async settle(id: string, refundedCents: number, detail: string, now: Date): Promise<void> {
    await sql(this.orm, 'update billing_incident set refunded_cents = ?, detail = ?, settled_at = ? where id = ?', [
      refundedCents,
      detail,
      now,
      id,
    ]);
  }

  async recent(organizationId: string, limit: number): Promise<BillingIncident[]> {
    const rows = await sql<IncidentRow>(
      this.orm,
      `select ${COLUMNS} from billing_incident where organization_id = ? order by created_at desc, id limit ?`,
      [organizationId, limit],
    );
    return rows.map(toIncident);
  }
}

function toIncident(row: IncidentRow): BillingIncident {
  return {
    id: row.id,
    organizationId: row.organization_id,
    kind: row.kind,
    stripeSubscriptionId: row.stripe_subscription_id,
    keptStripeSubscriptionId: row.kept_stripe_subscription_id,
    planTier: row.plan_tier,
    refundedCents: row.refunded_cents,
    detail: row.detail,
    createdAt: new Date(row.created_at),
    settledAt: dateOrNull(row.settled_at),
  };
}
