import type { PaidPlanTier, PlanTier } from '@aa/plans';
import { Field, ObjectType } from 'type-graphql';
import { PlanTierEnum } from './plans.types.js';

@ObjectType('ScheduledPlanChange', {
  description: 'A downgrade Stripe makes at the period end (a subscription schedule)',
})
export class ScheduledPlanChangeObject {
  @Field(() => PlanTierEnum)
  planTier!: PlanTier;

  @Field(() => Date, { description: 'When the lower plan takes over: until then the current plan applies' })
  effectiveAt!: Date;
}

@ObjectType('PendingPlanChange', { description: 'An upgrade that applies once its prorated invoice is paid' })
export class PendingPlanChangeObject {
  @Field(() => PlanTierEnum)
  planTier!: PlanTier;

  @Field(() => String, {
    nullable: true,
    description: "The invoice's hosted page, where it is paid (or 3-D Secure completed)",
  })
  invoiceUrl!: string | null;

  @Field(() => Date, { nullable: true, description: 'When Stripe drops the upgrade if the invoice is still unpaid' })
  expiresAt!: Date | null;
}

/** What a billing subscription row holds of its plan changes (billing's PlanChangeSnapshot). */
export interface PlanChangeFields {
  scheduledTier: PaidPlanTier | null;
  scheduledAt: Date | null;
  pendingTier: PaidPlanTier | null;
  pendingInvoiceUrl: string | null;
  pendingExpiresAt: Date | null;
}

export function planChangeObjectsOf(row: PlanChangeFields): {
  scheduledChange: ScheduledPlanChangeObject | null;
  pendingChange: PendingPlanChangeObject | null;
} {
  return {
    scheduledChange:
      row.scheduledTier && row.scheduledAt ? { planTier: row.scheduledTier, effectiveAt: row.scheduledAt } : null,
    pendingChange: row.pendingTier
      ? { planTier: row.pendingTier, invoiceUrl: row.pendingInvoiceUrl, expiresAt: row.pendingExpiresAt }
      : null,
  };
}
