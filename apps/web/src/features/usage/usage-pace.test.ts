import { describe, expect, it } from 'vitest';
import { bannerLevelOf, bannerText, paceOf } from './usage-pace.js';

const JULY = { periodStart: '2026-07-01T00:00:00.000Z', periodEnd: '2026-08-01T00:00:00.000Z' };

describe('usage pace', () => {
  it('projects to the period’s last day and warns when the pace passes the limit', () => {
    expect(paceOf({ ...JULY, used: 5, limit: 500, projectedUsed: 31, projectedToExceedOn: null })).toEqual({
      text: 'At this pace: ~31 runs by Jul 31, 2026',
      overLimit: false,
    });
    const fast = paceOf({ ...JULY, used: 100, limit: 500, projectedUsed: 1550, projectedToExceedOn: '2026-07-11' });
    expect(fast.overLimit).toBe(true);
    expect(fast.text).toBe('At this pace: ~1,550 runs by Jul 31, 2026, past your 500-run limit around Jul 11, 2026');
  });

  it('banners from 80% and at 100%, with the reset date', () => {
    expect([399, 400, 499, 500].map((used) => bannerLevelOf({ used, limit: 500 }))).toEqual([
      null,
      'warning',
      'warning',
      'exhausted',
    ]);
    expect(bannerText('warning', { used: 400, limit: 500, periodEnd: JULY.periodEnd })).toBe(
      'You have used 80% of this period’s attribution runs (400 of 500). They reset on Aug 1, 2026.',
    );
    expect(bannerText('exhausted', { used: 500, limit: 500, periodEnd: JULY.periodEnd })).toContain(
      'They reset on Aug 1, 2026.',
    );
  });
});
