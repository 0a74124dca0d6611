import { describe, expect, it } from 'vitest';
import { isLiveSubscription, planActionFor } from './plan-actions.js';

const ORDER = ['FREE', 'PRO', 'SCALE'] as const;

describe('planActionFor', () => {
  it('invites anonymous visitors to sign up', () => {
    expect(planActionFor('PRO', null, ORDER)).toEqual({ kind: 'sign-up' });
  });

  it('marks the current plan', () => {
    expect(planActionFor('FREE', { currentTier: 'FREE', subscribed: false }, ORDER)).toEqual({ kind: 'current' });
  });

  it('sends a FREE organization to Checkout for a paid plan', () => {
    expect(planActionFor('SCALE', { currentTier: 'FREE', subscribed: false }, ORDER)).toEqual({ kind: 'checkout', label: 'Upgrade' });
  });

  it('changes the existing subscription instead of opening a second one', () => {
    expect(planActionFor('SCALE', { currentTier: 'PRO', subscribed: true }, ORDER)).toEqual({ kind: 'change-plan', label: 'Upgrade' });
    expect(planActionFor('FREE', { currentTier: 'PRO', subscribed: true }, ORDER)).toEqual({ kind: 'change-plan', label: 'Downgrade' });
  });
});

describe('isLiveSubscription', () => {
  it('counts active, trialing and past_due (grace period) as live', () => {
    expect(['active', 'trialing', 'past_due'].every(isLiveSubscription)).toBe(true);
    expect(isLiveSubscription('canceled')).toBe(false);
    expect(isLiveSubscription(null)).toBe(false);
  });
});
