import { describe, expect, it } from 'vitest';
import { compareModels } from './comparison.js';
import { modelTotals } from './comparison-totals.js';

describe('modelTotals', () => {
  it("sums each model's column: 100% of its conversions and value, with the absolute credit", () => {
    const comparison = compareModels([
      {
        model: 'LAST_TOUCH',
        channels: [
          { channel: 'Direct', conversions: 12, value: 1450.5 },
          { channel: 'Search', conversions: 5, value: 600 },
        ],
        totals: { conversions: 17, value: 2050.5 },
      },
      { model: 'LINEAR', channels: [], totals: { conversions: 0, value: 0 } },
    ]);
    const totals = modelTotals(comparison);
    const last = totals.get('LAST_TOUCH');
    expect(last?.conversions).toBe(17);
    expect(last?.value).toBeCloseTo(2050.5);
    expect(last?.conversionShare).toBeCloseTo(1);
    expect(last?.valueShare).toBeCloseTo(1);
    // A model that credited nothing sums to 0%, not NaN.
    expect(totals.get('LINEAR')).toEqual({ conversions: 0, value: 0, conversionShare: 0, valueShare: 0 });
  });
});
