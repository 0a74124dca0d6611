import { describe, expect, it } from 'vitest';
import { ChannelNames } from './channel-names.js';

describe('ChannelNames', () => {
  it('returns the same string for a repeated name and the right text when names share a slot', () => {
    const names = new ChannelNames();
    const line = 'abc > abd > abc > abcd';
    const first = names.at(line, 0, 3);
    expect(first).toBe('abc');
    expect(names.at(line, 6, 9)).toBe('abd'); // same length and first letter: same slot
    const again = names.at(line, 12, 15);
    expect(again).toBe('abc');
    expect(names.at(line, 18, 22)).toBe('abcd');
    expect(names.at('x abc', 2, 5)).toBe(again);
  });
});
