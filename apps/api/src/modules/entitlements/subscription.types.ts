import type { PlanTier } from '@aa/plans';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { enumObject } from '../../graphql/enum-object.js';
import { PlanTierEnum } from './plans.types.js';
import { PendingPlanChangeObject, planChangeObjectsOf, ScheduledPlanChangeObject } from './plan-change.types.js';
import {
  BILLING_ACTIONS,
  SUBSCRIPTION_ACCESS,
  type BillingAccountState,
  type BillingAction,
  type SubscriptionAccess,
  type SubscriptionState,
} from './subscription-lookup.js';

// Built from the port's lists, which billing's rules answer in, so the SPA reads the same rules the server applies.
export const SubscriptionAccessEnum = enumObject(SUBSCRIPTION_ACCESS);
registerEnumType(SubscriptionAccessEnum, {
  name: 'SubscriptionAccess',
  description: "How a subscription's Stripe status affects the organization",
  valuesConfig: {
    PAID: { description: 'active or trialing: the plan is granted' },
    GRACE: { description: 'past_due within the grace period: the plan is granted, payment is needed' },
    LAPSED: { description: 'past_due beyond grace, unpaid, incomplete or paused: FREE, but the customer can pay' },
    ENDED: { description: 'canceled or incomplete_expired: FREE, and a new subscription may start' },
  },
});

export const BillingActionEnum = enumObject(BILLING_ACTIONS);
registerEnumType(BillingActionEnum, {
  name: 'BillingAction',
  description: 'What the signed-in admin can do about billing right now',
  valuesConfig: {
    PAY_INVOICE: { description: 'An open invoice: openInvoiceUrl (or pendingChange.invoiceUrl)' },
    UPDATE_PAYMENT_METHOD: { description: 'In the customer portal' },
    RESUBSCRIBE: { description: 'Checkout: no subscription is live' },
    CHANGE_PLAN: { description: 'Upgrade or downgrade with changePlan' },
    CANCEL: { description: 'Cancel at the period end' },
    RESUME: { description: 'Undo a scheduled cancellation with resumeSubscription' },
    UNDO_SCHEDULED_CHANGE: { description: 'Undo a scheduled downgrade with undoScheduledPlanChange' },
    MANAGE_BILLING: { description: 'The customer portal: whenever a Stripe customer exists' },
  },
});

// Not "Subscription": SDL tooling reads a type of that name as the subscription root.
@ObjectType('BillingSubscription')
export class BillingSubscriptionObject {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  stripeSubscriptionId!: string;

  @Field(() => String, { description: "Stripe's status; what it means is in access" })
  status!: string;

  @Field(() => PlanTierEnum)
  planTier!: PlanTier;

  @Field(() => Date)
  currentPeriodEnd!: Date;

  @Field(() => Boolean)
  cancelAtPeriodEnd!: boolean;

  @Field(() => SubscriptionAccessEnum)
  access!: SubscriptionAccess;

  @Field(() => Boolean, { description: "planTier's limits apply now (PAID or GRACE)" })
  grantsPlan!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When it ends if a cancellation is scheduled (cancel_at, or the period end)',
  })
  cancelAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'past_due: when the grace period ends or ended' })
  graceEndsAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The open invoice's hosted page, where it is paid" })
  openInvoiceUrl!: string | null;

  @Field(() => ScheduledPlanChangeObject, {
    nullable: true,
    description: 'A downgrade waiting for the period end; undo with undoScheduledPlanChange',
  })
  scheduledChange!: ScheduledPlanChangeObject | null;

  @Field(() => PendingPlanChangeObject, {
    nullable: true,
    description: 'An upgrade waiting for its invoice to be paid; planTier stays until then',
  })
  pendingChange!: PendingPlanChangeObject | null;

  @Field(() => [BillingActionEnum])
  actions!: BillingAction[];
}

@ObjectType('BillingAccount', { description: "The organization's billing: what to show and offer" })
export class BillingAccountObject {
  @Field(() => Boolean, { description: 'A Stripe customer exists, so "Manage billing" opens the portal' })
  hasCustomer!: boolean;

  @Field(() => Boolean, {
    description: 'No live subscription (only canceled/incomplete_expired, or none): Checkout is allowed',
  })
  canCheckout!: boolean;

  @Field(() => BillingSubscriptionObject, {
    nullable: true,
    description: 'The latest subscription whatever its status; null if none ever',
  })
  subscription!: BillingSubscriptionObject | null;
}

export function toBillingSubscriptionObject(state: SubscriptionState): BillingSubscriptionObject {
  return {
    id: state.id,
    stripeSubscriptionId: state.stripeSubscriptionId,
    status: state.status,
    planTier: state.tier,
    currentPeriodEnd: state.periodEnd,
    cancelAtPeriodEnd: state.cancelAtPeriodEnd,
    access: state.access,
    grantsPlan: state.grantsPlan,
    cancelAt: state.cancelAt,
    graceEndsAt: state.graceEndsAt,
    openInvoiceUrl: state.openInvoiceUrl,
    ...planChangeObjectsOf(state),
    actions: state.actions,
  };
}

export function toBillingAccountObject(account: BillingAccountState): BillingAccountObject {
  return {
    hasCustomer: account.hasCustomer,
    canCheckout: account.canCheckout,
    subscription: account.subscription ? toBillingSubscriptionObject(account.subscription) : null,
  };
}
