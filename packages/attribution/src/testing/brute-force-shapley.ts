import type { PathRow } from '../types.js';

/** Shapley values by definition, over all coalitions: v(S) = conversions of rows whose channels ⊆ S. */
export function bruteForceShapley(rows: readonly PathRow[]): Record<string, number> {
  const players = [...new Set(rows.flatMap((r) => r.path))];
  const n = players.length;
  const rowMasks = rows.map((r) => r.path.reduce((mask, c) => mask | (1 << players.indexOf(c)), 0));
  const worth = (coalition: number): number =>
    rows.reduce((sum, r, i) => ((rowMasks[i]! & ~coalition) === 0 ? sum + r.conversions : sum), 0);
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const values: Record<string, number> = {};
  players.forEach((player, i) => {
    let value = 0;
    for (let coalition = 0; coalition < 1 << n; coalition++) {
      if (coalition & (1 << i)) continue;
      const size = popCount(coalition);
      const weight = (factorial(size) * factorial(n - size - 1)) / factorial(n);
      value += weight * (worth(coalition | (1 << i)) - worth(coalition));
    }
    values[player] = value;
  });
  return values;
}

function popCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
