import { describe, expect, it } from 'vitest';
import { readAmount, readTimestamp, splitCsvLine } from './csv-fields.js';

describe('readAmount', () => {
  it.each([
    ['0', 0],
    ['12', 12],
    [' 3.5 ', 3.5],
    ['.5', 0.5],
    ['1.', 1],
    ['+2', 2],
    ['1e3', 1000],
    ['2.5E-1', 0.25],
  ])('reads %j as %d', (text, amount) => {
    expect(readAmount(text, 'value')).toBe(amount);
  });

  it.each(['', ' ', '-1', '0x10', 'e5', '1e', '1e+', '1.2.3', 'Infinity', 'NaN', '1,5'])('rejects %j', (text) => {
    expect(() => readAmount(text, 'value')).toThrow(/value is not a non-negative number/);
  });
});

describe('readTimestamp', () => {
  it('reads dates as UTC midnight and date-times with a zone', () => {
    expect(readTimestamp('2026-03-01', 'at')).toBe(Date.UTC(2026, 2, 1));
    expect(readTimestamp('2026-03-01T12:30:00.250+01:00', 'at')).toBe(Date.UTC(2026, 2, 1, 11, 30, 0, 250));
  });

  it.each(['2026-3-1', '2026-02-29', '2026-03-01T12:00', 'yesterday', ''])('rejects %j', (text) => {
    expect(() => readTimestamp(text, 'at')).toThrow(/at is not an ISO-8601 timestamp/);
  });
});

describe('splitCsvLine', () => {
  it('honours quotes and doubled quotes', () => {
    expect(splitCsvLine('a,"b, c","say ""hi""",')).toEqual(['a', 'b, c', 'say "hi"', '']);
  });

  it('rejects an unclosed quote', () => {
    expect(() => splitCsvLine('a,"b')).toThrow(/not closed/);
  });
});
