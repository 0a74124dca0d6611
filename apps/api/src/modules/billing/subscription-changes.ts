/** What a sync would change in a stored subscription to bring it to Stripe's state: pure, no I/O. */
import { GRACE_STATUSES } from './subscription-access.js';
import type { SubscriptionSnapshot } from './subscription-snapshot.js';
import type { SubscriptionRow } from './subscription.store.js';

/** What a sync changed, field by field; empty when the row already matched Stripe. */
export type SubscriptionChanges = Record<string, { from: unknown; to: unknown }>;

/** What `apply` would write over `before`, field by field, and the two fields it works out from `before`. */
export function changesTo(before: SubscriptionRow | null, snapshot: SubscriptionSnapshot, now: Date) {
  // The grace period counts from the first time we saw past_due, and ends when the status leaves it.
  const pastDueSince = GRACE_STATUSES.includes(snapshot.status) ? (before?.pastDueSince ?? now) : null;
  const openInvoiceUrl =
    snapshot.openInvoiceUrl !== undefined
      ? snapshot.openInvoiceUrl
      : knownOpenInvoiceUrl(before, snapshot.latestInvoiceId);
  const changes = diff(before, {
    stripePriceId: snapshot.stripePriceId,
    tier: snapshot.tier,
    status: snapshot.status,
    periodStart: snapshot.periodStart,
    periodEnd: snapshot.periodEnd,
    cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
    cancelAt: snapshot.cancelAt,
    latestInvoiceId: snapshot.latestInvoiceId,
    openInvoiceUrl,
    scheduleId: snapshot.scheduleId,
    scheduledTier: snapshot.scheduledTier,
    scheduledAt: snapshot.scheduledAt,
    pendingTier: snapshot.pendingTier,
    pendingInvoiceUrl: snapshot.pendingInvoiceUrl,
    pendingExpiresAt: snapshot.pendingExpiresAt,
  });
  return { changes, pastDueSince, openInvoiceUrl };
}

/** Whether `apply` would leave the row as it is. */
export function isAtSnapshot(row: SubscriptionRow, snapshot: SubscriptionSnapshot): boolean {
  if (row.stripeCustomerId !== snapshot.stripeCustomerId) return false;
  // A grace status with no start stored would be stamped now: not current. Any other `now` is unused.
  const { changes, pastDueSince } = changesTo(row, snapshot, new Date(Number.NaN));
  return Object.keys(changes).length === 0 && sameValue(row.pastDueSince, pastDueSince);
}

/** Without the invoice expanded, what we stored stands as long as it is still the latest invoice. */
function knownOpenInvoiceUrl(before: SubscriptionRow | null, latestInvoiceId: string | null): string | null {
  return before && before.latestInvoiceId === latestInvoiceId ? before.openInvoiceUrl : null;
}

function diff(
  before: SubscriptionRow | null,
  after: Omit<SubscriptionRow, 'id' | 'organizationId' | 'stripeCustomerId' | 'stripeSubscriptionId' | 'pastDueSince'>,
): SubscriptionChanges {
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
