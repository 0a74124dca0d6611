import { describe, expect, it } from 'vitest';
import { splitWindow } from './window-split.js';

describe('splitWindow', () => {
  it('spells the days beyond years 1 and 9999 as PostgreSQL reads dates', () => {
    expect(splitWindow({ from: null, to: new Date('0001-01-01T00:00:00Z') }).days?.to).toBe('0001-12-31 BC');
    expect(
      splitWindow({ from: new Date('9999-12-31T12:00:00Z'), to: new Date('9999-12-31T23:59:59Z') }).days,
    ).toBeNull();
    expect(splitWindow({ from: new Date('9999-12-30T12:00:00Z'), to: null }).days?.from).toBe('9999-12-31');
    expect(splitWindow({ from: new Date('2026-03-04T00:00:00Z'), to: new Date('2026-03-06T00:00:00Z') }).days).toEqual({
      from: '2026-03-04',
      to: '2026-03-05',
      timeless: false,
    });
  });
});
