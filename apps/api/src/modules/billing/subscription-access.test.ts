import { describe, expect, it } from 'vitest';
import {
  accessOf,
  ENDED_STATUSES,
  GRACE_STATUSES,
  isEndedStatus,
  LAPSED_STATUSES,
  PAID_STATUSES,
  type AccessSubject,
} from './subscription-access.js';

const NOW = new Date('2026-12-02T12:00:00Z');
const DAY_MS = 86_400_000;
const PERIOD_END = new Date('2026-12-31T00:00:00Z');
const context = { now: NOW, graceDays: 7, hasCustomer: true };

function subscription(overrides: Partial<AccessSubject>): AccessSubject {
  return {
    status: 'active',
    pastDueSince: null,
    periodEnd: PERIOD_END,
    cancelAtPeriodEnd: false,
    cancelAt: null,
    openInvoiceUrl: null,
    ...overrides,
  };
}

describe('the status lists', () => {
  it("split Stripe's statuses as DESIGN.md's billing rules do", () => {
    expect({ paid: PAID_STATUSES, grace: GRACE_STATUSES, lapsed: LAPSED_STATUSES, ended: ENDED_STATUSES }).toEqual({
      paid: ['active', 'trialing'],
      grace: ['past_due'],
      lapsed: ['unpaid', 'incomplete', 'paused'],
      ended: ['canceled', 'incomplete_expired'],
    });
  });
});

describe('accessOf', () => {
  it.each(['active', 'trialing'])('%s grants the plan', (status) => {
    expect(accessOf(subscription({ status }), context)).toEqual({
      access: 'PAID',
      grantsPlan: true,
      graceEndsAt: null,
      cancelAt: null,
      actions: ['CHANGE_PLAN', 'CANCEL', 'MANAGE_BILLING'],
    });
  });

  it('past_due within the grace period grants the plan and asks for payment', () => {
    const since = new Date(NOW.getTime() - 6 * DAY_MS);
    const view = accessOf(
      subscription({ status: 'past_due', pastDueSince: since, openInvoiceUrl: 'https://invoice.example/i' }),
      context,
    );
    expect(view).toEqual({
      access: 'GRACE',
      grantsPlan: true,
      graceEndsAt: new Date(since.getTime() + 7 * DAY_MS),
      cancelAt: null,
      actions: ['PAY_INVOICE', 'UPDATE_PAYMENT_METHOD', 'CHANGE_PLAN', 'CANCEL', 'MANAGE_BILLING'],
    });
  });

  it('past_due beyond the grace period is FREE but payable', () => {
    const since = new Date(NOW.getTime() - 8 * DAY_MS);
    const view = accessOf(
      subscription({ status: 'past_due', pastDueSince: since, openInvoiceUrl: 'https://invoice.example/i' }),
      context,
    );
    expect(view).toEqual({
      access: 'LAPSED',
      grantsPlan: false,
      graceEndsAt: new Date(since.getTime() + 7 * DAY_MS),
      cancelAt: null,
      actions: ['PAY_INVOICE', 'UPDATE_PAYMENT_METHOD', 'MANAGE_BILLING'],
    });
  });

  it('the grace period ends exactly graceDays after past_due began', () => {
    const since = new Date(NOW.getTime() - 7 * DAY_MS);
    expect(accessOf(subscription({ status: 'past_due', pastDueSince: since }), context).access).toBe('LAPSED');
    expect(
      accessOf(subscription({ status: 'past_due', pastDueSince: new Date(since.getTime() + 1) }), context).access,
    ).toBe('GRACE');
  });

  it.each(['unpaid', 'incomplete', 'paused'])('%s is FREE but keeps the customer able to pay', (status) => {
    const view = accessOf(subscription({ status, openInvoiceUrl: 'https://invoice.example/i' }), context);
    expect(view).toEqual({
      access: 'LAPSED',
      grantsPlan: false,
      graceEndsAt: null,
      cancelAt: null,
      actions: ['PAY_INVOICE', 'UPDATE_PAYMENT_METHOD', 'MANAGE_BILLING'],
    });
  });

  it.each(['canceled', 'incomplete_expired'])(
    '%s is FREE and may subscribe again; an old open invoice is not offered',
    (status) => {
      const view = accessOf(
        subscription({ status, openInvoiceUrl: 'https://invoice.example/i', cancelAtPeriodEnd: true }),
        context,
      );
      expect(view).toEqual({
        access: 'ENDED',
        grantsPlan: false,
        graceEndsAt: null,
        cancelAt: null,
        actions: ['RESUBSCRIBE', 'MANAGE_BILLING'],
      });
      expect(isEndedStatus(status)).toBe(true);
    },
  );

  it('a status Stripe may add later is treated as lapsed and live: FREE, and no second subscription beside it', () => {
    const view = accessOf(subscription({ status: 'on_hold' }), context);
    expect(view.access).toBe('LAPSED');
    expect(view.actions).not.toContain('RESUBSCRIBE');
    expect(isEndedStatus('on_hold')).toBe(false);
  });

  it('no subscription ever: subscribe; the portal only when a customer exists', () => {
    expect(accessOf(null, context)).toEqual({
      access: 'ENDED',
      grantsPlan: false,
      graceEndsAt: null,
      cancelAt: null,
      actions: ['RESUBSCRIBE', 'MANAGE_BILLING'],
    });
    expect(accessOf(null, { ...context, hasCustomer: false }).actions).toEqual(['RESUBSCRIBE']);
  });

  it('a scheduled cancellation offers RESUME instead of CANCEL and says when it ends', () => {
    const atPeriodEnd = accessOf(subscription({ cancelAtPeriodEnd: true }), context);
    expect(atPeriodEnd.cancelAt).toEqual(PERIOD_END);
    expect(atPeriodEnd.actions).toEqual(['CHANGE_PLAN', 'RESUME', 'MANAGE_BILLING']);
    const cancelAt = new Date('2026-12-20T00:00:00Z');
    const onDate = accessOf(subscription({ cancelAt }), context);
    expect(onDate.cancelAt).toEqual(cancelAt);
    expect(onDate.actions).toContain('RESUME');
  });

  it('a scheduled downgrade can be undone; a pending upgrade invoice can be paid', () => {
    const view = accessOf(
      subscription({ scheduledTier: 'PRO', pendingInvoiceUrl: 'https://invoice.example/p' }),
      context,
    );
    expect(view.actions).toEqual(['PAY_INVOICE', 'CHANGE_PLAN', 'CANCEL', 'UNDO_SCHEDULED_CHANGE', 'MANAGE_BILLING']);
  });
});
