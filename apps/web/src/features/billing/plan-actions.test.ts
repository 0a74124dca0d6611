import { describe, expect, it } from 'vitest';
import { planActionFor, viewerBillingOf, type ViewerBilling } from './plan-actions.js';

const ORDER = ['FREE', 'PRO', 'SCALE'] as const;
const FREE: ViewerBilling = { currentTier: 'FREE', canCheckout: true, canChangePlan: false, scheduled: null };
const PRO_SUBSCRIBER: ViewerBilling = { currentTier: 'PRO', canCheckout: false, canChangePlan: true, scheduled: null };
/** A PRO subscription past its grace period: FREE limits, neither Checkout nor a plan change. */
const LAPSED: ViewerBilling = { currentTier: 'FREE', canCheckout: false, canChangePlan: false, scheduled: null };

describe('planActionFor', () => {
  it('invites anonymous visitors to sign up', () => {
    expect(planActionFor('PRO', null, ORDER)).toEqual({ kind: 'sign-up' });
  });

  it('marks the current plan', () => {
    expect(planActionFor('FREE', FREE, ORDER)).toEqual({ kind: 'current' });
  });

  it('sends an organization the API lets check out to Checkout for a paid plan', () => {
    expect(planActionFor('SCALE', FREE, ORDER)).toEqual({ kind: 'checkout', label: 'Upgrade' });
  });

  it('changes the existing subscription instead of opening a second one', () => {
    expect(planActionFor('SCALE', PRO_SUBSCRIBER, ORDER)).toEqual({ kind: 'change-plan', label: 'Upgrade' });
    expect(planActionFor('FREE', PRO_SUBSCRIBER, ORDER)).toEqual({ kind: 'change-plan', label: 'Downgrade' });
  });

  it('offers a lapsed subscriber no Checkout, only the way to pay', () => {
    expect(planActionFor('PRO', LAPSED, ORDER)).toEqual({ kind: 'payment-needed' });
    expect(planActionFor('SCALE', LAPSED, ORDER)).toEqual({ kind: 'payment-needed' });
    expect(planActionFor('FREE', LAPSED, ORDER)).toEqual({ kind: 'current' });
  });
});

describe('a scheduled downgrade or cancellation', () => {
  const cancelling: ViewerBilling = { ...PRO_SUBSCRIBER, scheduled: { tier: 'FREE', at: '2026-12-31T00:00:00.000Z' } };
  const downgrading: ViewerBilling = {
    currentTier: 'SCALE',
    canCheckout: false,
    canChangePlan: true,
    scheduled: { tier: 'PRO', at: '2026-12-31T00:00:00.000Z' },
  };

  it('offers Resume on the current plan and shows the free plan as scheduled, not "Downgrade to Free"', () => {
    expect(planActionFor('PRO', cancelling, ORDER)).toEqual({ kind: 'change-plan', label: 'Resume' });
    expect(planActionFor('FREE', cancelling, ORDER)).toEqual({ kind: 'scheduled', at: '2026-12-31T00:00:00.000Z' });
    expect(planActionFor('SCALE', cancelling, ORDER)).toEqual({ kind: 'change-plan', label: 'Upgrade' });
  });

  it('offers Keep on the current plan while a downgrade waits', () => {
    expect(planActionFor('SCALE', downgrading, ORDER)).toEqual({ kind: 'change-plan', label: 'Keep' });
    expect(planActionFor('PRO', downgrading, ORDER)).toEqual({ kind: 'scheduled', at: '2026-12-31T00:00:00.000Z' });
    expect(planActionFor('FREE', downgrading, ORDER)).toEqual({ kind: 'change-plan', label: 'Downgrade' });
  });
});

describe('viewerBillingOf', () => {
  const subscription = (actions: string[]) =>
    ({ actions, access: 'PAID', scheduledChange: null, cancelAt: null }) as never;

  it('reads Checkout and plan changes from the API, not from statuses', () => {
    expect(viewerBillingOf('FREE', { hasCustomer: false, canCheckout: true, subscription: null })).toEqual(FREE);
    expect(
      viewerBillingOf('PRO', {
        hasCustomer: true,
        canCheckout: false,
        subscription: subscription(['CHANGE_PLAN', 'CANCEL', 'MANAGE_BILLING']),
      }),
    ).toEqual(PRO_SUBSCRIBER);
    expect(
      viewerBillingOf('FREE', {
        hasCustomer: true,
        canCheckout: false,
        subscription: subscription(['PAY_INVOICE', 'MANAGE_BILLING']),
      }),
    ).toEqual(LAPSED);
  });

  it('offers nothing while the account is still loading', () => {
    expect(viewerBillingOf('FREE', undefined)).toEqual(LAPSED);
  });
});
