// What the billing card says about the organization's latest subscription. Pure: unit-tested.
// The API decides what a Stripe status means (access, grantsPlan) and what may be done (actions,
// canCheckout); this only puts it into words, so no status list is kept here.
import type { BillingSubscriptionFieldsFragment, PlanTier, SubscriptionAccess } from '../../gql/graphql.js';
import { formatDay, formatDayMonth } from '../../lib/format.js';

export type SummaryTone = 'success' | 'warning' | 'danger' | 'neutral';

export interface SubscriptionSummary {
  readonly headline: string;
  readonly detail: string;
  /** Stripe's own status, in words ("past due"), shown beside the headline. */
  readonly status: string;
  /** The status badge's colour: what the status means for access (PAID green, GRACE amber, …). */
  readonly statusTone: SummaryTone;
  /** The panel's colour: amber too while something awaits the admin (a payment, a cancellation). */
  readonly tone: SummaryTone;
  /** The hosted invoice page that settles what is owed, when paying is what to do. */
  readonly payUrl: string | null;
  readonly canUndoScheduledChange: boolean;
  readonly canResume: boolean;
  /** A label and a date for the card's facts, e.g. "Renews on" / "Dec 31, 2026". */
  readonly dateLabel: string;
  readonly date: string | null;
}

export type PlanNameOf = (tier: PlanTier) => string;

const TONES: Record<SubscriptionAccess, SummaryTone> = {
  PAID: 'success',
  GRACE: 'warning',
  LAPSED: 'danger',
  ENDED: 'neutral',
};

export function summarizeSubscription(
  subscription: BillingSubscriptionFieldsFragment,
  nameOf: PlanNameOf,
): SubscriptionSummary {
  const plan = nameOf(subscription.planTier);
  const free = nameOf('FREE');
  const can = (action: BillingSubscriptionFieldsFragment['actions'][number]) => subscription.actions.includes(action);
  const base = {
    status: subscription.status.replaceAll('_', ' '),
    statusTone: TONES[subscription.access],
    tone: TONES[subscription.access],
    payUrl: can('PAY_INVOICE') ? subscription.openInvoiceUrl : null,
    canUndoScheduledChange: false,
    canResume: false,
    dateLabel: 'Renews on',
    date: formatDay(subscription.currentPeriodEnd),
  };

  switch (subscription.access) {
    case 'GRACE':
      return {
        ...base,
        headline: 'Payment needed',
        detail: `We could not charge your card. ${plan} stays active${subscription.graceEndsAt ? ` until ${formatDay(subscription.graceEndsAt)}` : ' for a few days'}: pay the open invoice or update your card to keep it.`,
        dateLabel: 'Grace period ends',
        date: subscription.graceEndsAt ? formatDay(subscription.graceEndsAt) : null,
      };
    case 'LAPSED':
      return {
        ...base,
        headline: 'Payment needed',
        detail: `Your ${plan} subscription is not paid, so your organization has the ${free} plan's limits for now. Pay the open invoice or update your card and ${plan} comes back at once.`,
        dateLabel: subscription.graceEndsAt ? 'Grace period ended' : 'Period ends',
        date: formatDay(subscription.graceEndsAt ?? subscription.currentPeriodEnd),
      };
    case 'ENDED':
      return {
        ...base,
        headline: `Your ${plan} subscription has ended`,
        detail: `Your organization is on the ${free} plan. Subscribe again whenever you need more runs, models or a longer lookback.`,
        // The API does not say when it ended (a cancellation may come before the period end): no date rather than a wrong one.
        date: null,
      };
    case 'PAID':
      break;
  }

  const pending = subscription.pendingChange;
  if (pending) {
    const next = nameOf(pending.planTier);
    return {
      ...base,
      tone: 'warning',
      headline: `Payment needed to switch to ${next}`,
      detail: `You stay on ${plan} until the prorated invoice for ${next} is paid${pending.expiresAt ? `; unpaid, the switch is dropped on ${formatDay(pending.expiresAt)}` : ''}.`,
      payUrl: pending.invoiceUrl ?? subscription.openInvoiceUrl,
    };
  }
  const scheduled = subscription.scheduledChange;
  if (scheduled) {
    return {
      ...base,
      headline: `${plan} until ${formatDayMonth(scheduled.effectiveAt)}, then ${nameOf(scheduled.planTier)}`,
      detail: `The downgrade to ${nameOf(scheduled.planTier)} takes effect at the end of the billing period. Undo it to stay on ${plan}.`,
      canUndoScheduledChange: can('UNDO_SCHEDULED_CHANGE'),
      dateLabel: `${nameOf(scheduled.planTier)} from`,
      date: formatDay(scheduled.effectiveAt),
    };
  }
  // The API's cancelAt is the scheduled end either way (cancel_at, or the period end).
  const endsAt = subscription.cancelAt;
  if (endsAt) {
    return {
      ...base,
      tone: 'warning',
      // Stripe still says active, but a subscription that will not renew is not shown as a green "active".
      status: 'cancelled',
      statusTone: 'warning',
      headline: `Ends on ${formatDayMonth(endsAt)}`,
      detail: `${plan} stays active until then; after that your organization moves to the ${free} plan. Resume to keep ${plan}.`,
      canResume: can('RESUME'),
      dateLabel: 'Ends on',
      date: formatDay(endsAt),
    };
  }
  return {
    ...base,
    headline: plan,
    detail: `Your subscription renews automatically on ${formatDay(subscription.currentPeriodEnd)}.`,
  };
}

/** What a plan change did, for the alert on the pricing page. */
export function planChangeOutcome(
  subscription: BillingSubscriptionFieldsFragment,
  nameOf: PlanNameOf,
): { message: string; payUrl: string | null } {
  const summary = summarizeSubscription(subscription, nameOf);
  if (subscription.pendingChange || subscription.scheduledChange)
    return { message: `${summary.headline}.`, payUrl: summary.payUrl };
  if (subscription.cancelAt) {
    return {
      message: `Your subscription ends on ${summary.date}; you keep ${nameOf(subscription.planTier)} until then.`,
      payUrl: null,
    };
  }
  return { message: `Your subscription is now on ${nameOf(subscription.planTier)}.`, payUrl: null };
}

/** Plan names from the catalog ("Pro"); a tier the catalog lacks still reads as a word, never an enum. */
export function planNamesFrom(plans: readonly { tier: PlanTier; name: string }[] | undefined): PlanNameOf {
  const names = new Map(plans?.map((plan) => [plan.tier, plan.name]));
  return (tier) => names.get(tier) ?? tier.charAt(0) + tier.slice(1).toLowerCase();
}

/** Something is owed: a past-due or lapsed subscription, or an upgrade waiting for its invoice. */
export function isPaymentNeeded(
  subscription: Pick<BillingSubscriptionFieldsFragment, 'access' | 'pendingChange'>,
): boolean {
  return subscription.access === 'GRACE' || subscription.access === 'LAPSED' || subscription.pendingChange != null;
}
