import { describe, expect, it } from 'vitest';
import type { BillingSubscriptionFieldsFragment } from '../../gql/graphql.js';
import { isPaymentNeeded, planChangeOutcome, planNamesFrom, summarizeSubscription } from './subscription-summary.js';

const nameOf = planNamesFrom([
  { tier: 'FREE', name: 'Free' },
  { tier: 'PRO', name: 'Pro' },
  { tier: 'SCALE', name: 'Scale' },
]);

function subscription(overrides: Partial<BillingSubscriptionFieldsFragment>): BillingSubscriptionFieldsFragment {
  return {
    id: 'sub-row',
    status: 'active',
    planTier: 'PRO',
    currentPeriodEnd: '2026-12-31T10:00:00.000Z',
    cancelAtPeriodEnd: false,
    access: 'PAID',
    grantsPlan: true,
    cancelAt: null,
    graceEndsAt: null,
    openInvoiceUrl: null,
    scheduledChange: null,
    pendingChange: null,
    actions: ['CHANGE_PLAN', 'CANCEL', 'MANAGE_BILLING'],
    ...overrides,
  };
}

describe('summarizeSubscription', () => {
  it('names a paid plan in words and when it renews', () => {
    expect(summarizeSubscription(subscription({}), nameOf)).toMatchObject({
      headline: 'Pro',
      status: 'active',
      tone: 'success',
      payUrl: null,
      dateLabel: 'Renews on',
      date: 'Dec 31, 2026',
    });
  });

  it('asks for payment within the grace period, with the real status and the invoice to pay', () => {
    const summary = summarizeSubscription(
      subscription({
        status: 'past_due',
        access: 'GRACE',
        graceEndsAt: '2026-12-09T00:00:00.000Z',
        openInvoiceUrl: 'https://invoice.stripe.com/i/1',
        actions: ['PAY_INVOICE', 'UPDATE_PAYMENT_METHOD', 'CHANGE_PLAN', 'CANCEL', 'MANAGE_BILLING'],
      }),
      nameOf,
    );
    expect(summary).toMatchObject({
      headline: 'Payment needed',
      status: 'past due',
      tone: 'warning',
      payUrl: 'https://invoice.stripe.com/i/1',
    });
    expect(summary.detail).toContain('Pro stays active until Dec 9, 2026');
  });

  it('asks a lapsed subscriber for payment and says the Free limits apply', () => {
    const summary = summarizeSubscription(
      subscription({
        status: 'unpaid',
        access: 'LAPSED',
        grantsPlan: false,
        openInvoiceUrl: 'https://invoice.stripe.com/i/2',
        actions: ['PAY_INVOICE', 'MANAGE_BILLING'],
      }),
      nameOf,
    );
    expect(summary).toMatchObject({
      headline: 'Payment needed',
      status: 'unpaid',
      tone: 'danger',
      payUrl: 'https://invoice.stripe.com/i/2',
    });
    expect(summary.detail).toContain("Free plan's limits");
  });

  it('names the plan an ended subscription falls back to as the catalog does', () => {
    const renamed = planNamesFrom([
      { tier: 'FREE', name: 'Starter' },
      { tier: 'PRO', name: 'Pro' },
    ]);
    const ended = summarizeSubscription(
      subscription({ status: 'canceled', access: 'ENDED', grantsPlan: false, actions: [] }),
      renamed,
    );
    expect(ended.detail).toBe(
      'Your organization is on the Starter plan. Subscribe again whenever you need more runs, models or a longer lookback.',
    );
  });

  it('offers the invoice only when the API says it can be paid', () => {
    const summary = summarizeSubscription(
      subscription({
        status: 'paused',
        access: 'LAPSED',
        openInvoiceUrl: 'https://invoice.stripe.com/i/3',
        actions: ['MANAGE_BILLING'],
      }),
      nameOf,
    );
    expect(summary.payUrl).toBeNull();
  });

  it('says an upgrade waits for its invoice', () => {
    const summary = summarizeSubscription(
      subscription({
        openInvoiceUrl: 'https://x/open',
        pendingChange: {
          planTier: 'SCALE',
          invoiceUrl: 'https://invoice.stripe.com/i/4',
          expiresAt: '2026-12-02T09:00:00.000Z',
        },
      }),
      nameOf,
    );
    expect(summary).toMatchObject({
      headline: 'Payment needed to switch to Scale',
      payUrl: 'https://invoice.stripe.com/i/4',
      tone: 'warning',
    });
    expect(summary.detail).toContain('You stay on Pro');
  });

  it('shows a scheduled downgrade as "Scale until 31 Dec, then Pro", undoable when the API allows it', () => {
    const summary = summarizeSubscription(
      subscription({
        planTier: 'SCALE',
        scheduledChange: { planTier: 'PRO', effectiveAt: '2026-12-31T10:00:00.000Z' },
        actions: ['CHANGE_PLAN', 'UNDO_SCHEDULED_CHANGE', 'MANAGE_BILLING'],
      }),
      nameOf,
    );
    expect(summary).toMatchObject({
      headline: 'Scale until 31 Dec, then Pro',
      canUndoScheduledChange: true,
      canResume: false,
    });
  });

  it('shows a scheduled cancellation with its date and Resume, badged cancelled rather than a green active', () => {
    const summary = summarizeSubscription(
      subscription({
        cancelAtPeriodEnd: true,
        cancelAt: '2026-12-31T10:00:00.000Z',
        actions: ['CHANGE_PLAN', 'RESUME', 'MANAGE_BILLING'],
      }),
      nameOf,
    );
    expect(summary).toMatchObject({
      headline: 'Ends on 31 Dec',
      canResume: true,
      dateLabel: 'Ends on',
      date: 'Dec 31, 2026',
      tone: 'warning',
      status: 'cancelled',
      statusTone: 'warning',
    });
  });

  it('reads an ended subscription as ended, whatever Stripe called it', () => {
    const summary = summarizeSubscription(
      subscription({
        status: 'incomplete_expired',
        access: 'ENDED',
        grantsPlan: false,
        actions: ['RESUBSCRIBE', 'MANAGE_BILLING'],
      }),
      nameOf,
    );
    expect(summary).toMatchObject({
      headline: 'Your Pro subscription has ended',
      status: 'incomplete expired',
      tone: 'neutral',
      date: null,
    });
  });
});

describe('planChangeOutcome', () => {
  it('words each outcome of changePlan with plan names, never tiers', () => {
    expect(planChangeOutcome(subscription({ planTier: 'SCALE' }), nameOf)).toEqual({
      message: 'Your subscription is now on Scale.',
      payUrl: null,
    });
    expect(
      planChangeOutcome(
        subscription({ pendingChange: { planTier: 'SCALE', invoiceUrl: 'https://i', expiresAt: null } }),
        nameOf,
      ),
    ).toEqual({
      message: 'Payment needed to switch to Scale.',
      payUrl: 'https://i',
    });
    expect(
      planChangeOutcome(subscription({ cancelAtPeriodEnd: true, cancelAt: '2026-12-31T10:00:00.000Z' }), nameOf)
        .message,
    ).toBe('Your subscription ends on Dec 31, 2026; you keep Pro until then.');
  });

  it('falls back to a word for a tier the catalog has not loaded', () => {
    expect(planNamesFrom(undefined)('SCALE')).toBe('Scale');
  });
});

describe('isPaymentNeeded', () => {
  it('is true while something is owed, by the API access or a pending upgrade', () => {
    expect(isPaymentNeeded(subscription({ access: 'GRACE' }))).toBe(true);
    expect(isPaymentNeeded(subscription({ access: 'LAPSED' }))).toBe(true);
    expect(
      isPaymentNeeded(subscription({ pendingChange: { planTier: 'SCALE', invoiceUrl: null, expiresAt: null } })),
    ).toBe(true);
    expect(isPaymentNeeded(subscription({}))).toBe(false);
    expect(isPaymentNeeded(subscription({ access: 'ENDED' }))).toBe(false);
  });
});
