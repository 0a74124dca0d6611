import { describe, expect, it } from 'vitest';
import { ChannelNames } from './channel-names.js';

describe('ChannelNames', () => {
  it('returns each name, also when two names share a slot', () => {
    const names = new ChannelNames();
    const line = 'abc > abd > abc > abcd';
    expect(names.at(line, 0, 3)).toBe('abc');
    expect(names.at(line, 6, 9)).toBe('abd'); // same length and first letter: same slot
    expect(names.at(line, 12, 15)).toBe('abc');
    expect(names.at(line, 18, 22)).toBe('abcd');
    expect(names.at('x abc', 2, 5)).toBe('abc');
  });
});
