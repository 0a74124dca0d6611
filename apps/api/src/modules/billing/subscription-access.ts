import type Stripe from 'stripe';
import type { BillingAction, SubscriptionAccess } from '../entitlements/index.js';

/**
 * The one place Stripe's subscription statuses are interpreted (DESIGN.md "Billing rules"). Every
 * other part of the app (the plan's limits, checkout, the store's "live" rule, the SPA through the
 * API) asks this module instead of keeping its own list.
 */

/** Stripe's statuses by name (the SDK's type also admits any other string, for statuses added later). */
type Status = KnownLiterals<Stripe.Subscription.Status>;
type KnownLiterals<T> = T extends string ? (string extends T ? never : T) : never;

type StatusKind = 'paid' | 'grace' | 'lapsed' | 'ended';

// Every status once, as a total map: a status added to the SDK's type fails the type-check here.
const KIND_OF_STATUS = {
  active: 'paid',
  trialing: 'paid',
  past_due: 'grace',
  unpaid: 'lapsed',
  incomplete: 'lapsed',
  paused: 'lapsed',
  canceled: 'ended',
  incomplete_expired: 'ended',
} as const satisfies Record<Status, StatusKind>;

function statusesOf(kind: StatusKind): readonly Stripe.Subscription.Status[] {
  return (Object.keys(KIND_OF_STATUS) as Status[]).filter((status) => KIND_OF_STATUS[status] === kind);
}

/** The plan is granted. */
export const PAID_STATUSES = statusesOf('paid');
/** The plan is granted for the grace period, then the subscription counts as lapsed. */
export const GRACE_STATUSES = statusesOf('grace');
/** FREE, but the subscription is still there and the customer can pay to bring it back. */
export const LAPSED_STATUSES = statusesOf('lapsed');
/** FREE for good: Stripe will not bill it again, so a new subscription may start. */
export const ENDED_STATUSES = statusesOf('ended');

/**
 * Ended, per ENDED_STATUSES. A status we do not know is not ended: it may still bill, and treating
 * it as live keeps a second subscription from being started beside it.
 */
export function isEndedStatus(status: string): boolean {
  return (ENDED_STATUSES as readonly string[]).includes(status);
}

/** What of a subscription row the rule reads. Plan-change fields are optional (absent = none). */
export interface AccessSubject {
  status: string;
  /** When we first saw past_due; the grace period counts from here. */
  pastDueSince: Date | null;
  periodEnd: Date;
  cancelAtPeriodEnd: boolean;
  cancelAt: Date | null;
  /** hosted_invoice_url of the subscription's latest invoice while it is open. */
  openInvoiceUrl: string | null;
  scheduledTier?: string | null;
  pendingInvoiceUrl?: string | null;
}

export interface AccessContext {
  now: Date;
  graceDays: number;
  /** The organization has a Stripe customer, so the portal can be opened. */
  hasCustomer: boolean;
}

export interface AccessView {
  access: SubscriptionAccess;
  /** The subscription's tier applies now (PAID or GRACE). */
  grantsPlan: boolean;
  /** past_due: when the grace period ends or ended. */
  graceEndsAt: Date | null;
  /** When the subscription ends if a cancellation is scheduled. */
  cancelAt: Date | null;
  actions: BillingAction[];
}

const DAY_MS = 86_400_000;

/** The organization's billing as the rules read it; `subscription` null when it never had one. */
export function accessOf(subscription: AccessSubject | null, context: AccessContext): AccessView {
  if (!subscription) {
    return {
      access: 'ENDED',
      grantsPlan: false,
      graceEndsAt: null,
      cancelAt: null,
      actions: actionsOf(null, 'ENDED', context),
    };
  }
  const graceEndsAt = graceEndOf(subscription, context.graceDays);
  const access = accessLevelOf(subscription.status, graceEndsAt, context.now);
  return {
    access,
    grantsPlan: access === 'PAID' || access === 'GRACE',
    graceEndsAt,
    cancelAt: access === 'ENDED' ? null : scheduledEndOf(subscription),
    actions: actionsOf(subscription, access, context),
  };
}

function accessLevelOf(status: string, graceEndsAt: Date | null, now: Date): SubscriptionAccess {
  const kind: StatusKind = (KIND_OF_STATUS as Record<string, StatusKind | undefined>)[status] ?? 'lapsed';
  if (kind === 'paid') return 'PAID';
  if (kind === 'ended') return 'ENDED';
  if (kind === 'grace') return graceEndsAt && now.getTime() < graceEndsAt.getTime() ? 'GRACE' : 'LAPSED';
  return 'LAPSED';
}

function graceEndOf(subscription: AccessSubject, graceDays: number): Date | null {
  if (!GRACE_STATUSES.includes(subscription.status as Status) || !subscription.pastDueSince) return null;
  return new Date(subscription.pastDueSince.getTime() + graceDays * DAY_MS);
}

/** Stripe sets cancel_at to the period end when cancel_at_period_end is set; older rows may lack it. */
function scheduledEndOf(subscription: AccessSubject): Date | null {
  return subscription.cancelAt ?? (subscription.cancelAtPeriodEnd ? subscription.periodEnd : null);
}

function actionsOf(
  subscription: AccessSubject | null,
  access: SubscriptionAccess,
  context: AccessContext,
): BillingAction[] {
  const actions: BillingAction[] = [];
  const live = access !== 'ENDED';
  const inPlan = access === 'PAID' || access === 'GRACE';
  if (live && (subscription?.openInvoiceUrl || subscription?.pendingInvoiceUrl)) actions.push('PAY_INVOICE');
  if (context.hasCustomer && (access === 'GRACE' || access === 'LAPSED')) actions.push('UPDATE_PAYMENT_METHOD');
  if (!live) actions.push('RESUBSCRIBE');
  const cancelling = subscription !== null && scheduledEndOf(subscription) !== null;
  if (inPlan) actions.push('CHANGE_PLAN', cancelling ? 'RESUME' : 'CANCEL');
  if (inPlan && subscription?.scheduledTier) actions.push('UNDO_SCHEDULED_CHANGE');
  if (context.hasCustomer) actions.push('MANAGE_BILLING');
  return actions;
}
