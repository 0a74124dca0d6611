import { describe, expect, it } from 'vitest';
import { compareModels, formatShare, formatValue, sortRows } from './comparison.js';

const credits = [
  {
    model: 'LAST_TOUCH' as const,
    totals: { conversions: 10, value: 200 },
    channels: [
      { channel: 'email', conversions: 6, value: 100 },
      { channel: 'search', conversions: 4, value: 100 },
    ],
  },
  {
    model: 'FIRST_TOUCH' as const,
    totals: { conversions: 10, value: 200 },
    channels: [
      { channel: 'search', conversions: 7, value: 150 },
      { channel: 'social', conversions: 3, value: 50 },
    ],
  },
];

describe('compareModels', () => {
  it("gives each cell the channel's share of the model's totals, not of the top channel", () => {
    const { models, rows } = compareModels(credits);
    expect(models).toEqual(['LAST_TOUCH', 'FIRST_TOUCH']);
    expect(rows.map((row) => row.channel)).toEqual(['email', 'search', 'social']);
    const email = rows[0]?.shares.get('LAST_TOUCH');
    expect([email?.conversions, email?.value]).toEqual([0.6, 0.5]);
    expect(rows[2]?.shares.get('LAST_TOUCH')).toBeUndefined();
  });

  it('sorts by any model, either way, channel names breaking ties', () => {
    const { rows } = compareModels(credits);
    expect(sortRows(rows, 'FIRST_TOUCH', 'descending').map((row) => row.channel)).toEqual([
      'search',
      'social',
      'email',
    ]);
    expect(sortRows(rows, 'FIRST_TOUCH', 'ascending').map((row) => row.channel)).toEqual(['email', 'social', 'search']);
  });

  it('formats shares as percentages and values in the currency', () => {
    expect(formatShare(0.4273)).toBe('42.7%');
    expect(formatValue(1234.5, 'USD')).toBe('$1,234.50');
    expect(formatValue(10, 'EUR')).toBe('€10.00');
  });
});
