import { describe, expect, it } from 'vitest';
import { formatDayMonth, formatMoney, formatPeriod, formatPriceMonthly, formatQuantity, readMeter } from './format.js';

describe('readMeter', () => {
  it('labels usage as used / limit with thousands separators', () => {
    expect(readMeter(0, 500)).toEqual({ label: '0 / 500', percent: 0, tone: 'ok' });
    expect(readMeter(1234, 5000)).toEqual({ label: '1,234 / 5,000', percent: 24.7, tone: 'ok' });
  });

  it('warns from 80 % and turns critical at the limit', () => {
    expect(readMeter(399, 500).tone).toBe('ok');
    expect(readMeter(400, 500).tone).toBe('warning');
    expect(readMeter(500, 500)).toMatchObject({ percent: 100, tone: 'critical' });
  });

  it('never draws past a full bar, and a zero limit reads as full', () => {
    expect(readMeter(600, 500).percent).toBe(100);
    expect(readMeter(0, 0)).toMatchObject({ percent: 100, tone: 'critical' });
  });
});

describe('formatPeriod', () => {
  it('shows the last day of an exclusive period end', () => {
    expect(formatPeriod('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')).toBe('Nov 1, 2026 – Nov 30, 2026');
  });
});

describe('formatPriceMonthly', () => {
  it('formats cents as whole dollars', () => {
    expect(formatPriceMonthly(0)).toBe('$0');
    expect(formatPriceMonthly(19900)).toBe('$199');
  });
});

describe('formatQuantity', () => {
  it('counts in the singular for one, the plural otherwise', () => {
    expect(formatQuantity(1, 'journey')).toBe('1 journey');
    expect(formatQuantity(2000, 'path row')).toBe('2,000 path rows');
    expect(formatQuantity(0, 'touch', 'touches')).toBe('0 touches');
  });
});

describe('formatMoney', () => {
  it('keeps the cents of a prorated refund', () => {
    expect(formatMoney(4899)).toBe('$48.99');
    expect(formatMoney(19900)).toBe('$199.00');
  });
});

describe('formatDayMonth', () => {
  it('reads as "31 Dec" in UTC', () => {
    expect(formatDayMonth('2026-12-31T23:30:00.000Z')).toBe('31 Dec');
  });
});
