import type { Journey, Milestone, PathRow, Touch } from '../types.js';

/** Seeded PRNG so a failing property run can be replayed. */
export { mulberry32 as seededRandom } from '../sample/mulberry32.js';

export const CHANNELS = ['direct', 'search', 'email', 'social', 'display', 'referral'] as const;

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function randomPathRow(random: () => number, channels: readonly string[] = CHANNELS, maxLength = 6): PathRow {
  const length = randomInt(random, 1, maxLength);
  const path = Array.from({ length }, () => pick(random, channels));
  const conversions = randomInt(random, 0, 5);
  return { path, conversions, value: conversions * random() * 100, nulls: randomInt(random, 0, 5) };
}

const DAY = 86_400_000;

/** A converting journey with timestamps, ascending, and random milestones. */
export function randomJourney(random: () => number, maxLength = 8): Journey {
  const convertedAt = Date.UTC(2026, 0, 1) + randomInt(random, 0, 300) * DAY;
  const length = randomInt(random, 1, maxLength);
  const ages = Array.from({ length }, () => random() * 60 * DAY).sort((a, b) => b - a);
  const touches: Touch[] = ages.map((age) => {
    const milestone: Milestone | undefined = random() < 0.15 ? 'lead' : random() < 0.15 ? 'opportunity' : undefined;
    return { channel: pick(random, CHANNELS), at: convertedAt - age, ...(milestone ? { milestone } : {}) };
  });
  return { touches, convertedAt: new Date(convertedAt), conversions: randomInt(random, 1, 3), value: random() * 500 };
}
