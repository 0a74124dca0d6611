import { PATH_ROWS_HEADER } from '../csv/path-rows-csv.js';
import type { PathRow } from '../types.js';
import { mulberry32 } from './mulberry32.js';

/**
 * Synthetic path rows shaped like ChannelAttribution's sample-paths.csv, which we may not ship:
 * the same 12 channel names and roughly its channel mix, path lengths, repeats, counts and values.
 * Pure and seeded, so tests, the bench and the browser tests need no file beside the repository.
 */
export interface SeededPathRowsOptions {
  readonly rows: number;
  readonly seed: number;
}

/** Relative touch counts in the sample; delta and mi raised so 10,000 rows still show all 12. */
const CHANNEL_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['iota', 15_593],
  ['beta', 10_982],
  ['eta', 10_219],
  ['alpha', 9_674],
  ['theta', 4_527],
  ['lambda', 4_453],
  ['epsilon', 1_561],
  ['zeta', 1_187],
  ['kappa', 832],
  ['gamma', 411],
  ['delta', 60],
  ['mi', 40],
];

export const SEEDED_PATH_CHANNELS: readonly string[] = CHANNEL_WEIGHTS.map(([name]) => name);

/** Rows per path length 1..10 in the sample; the longer 12 % get a geometric tail. */
const SHORT_LENGTH_WEIGHTS = [803, 1_516, 1_573, 1_270, 1_063, 787, 629, 511, 345, 250];
const LONG_PATH_SHARE = 0.125;
const MAX_PATH_LENGTH = 90;
/** The sample repeats channels within a path (alpha > alpha > iota) more than independent draws would. */
const REPEAT_PREVIOUS = 0.35;

export function seededPathRows({ rows, seed }: SeededPathRowsOptions): PathRow[] {
  const random = mulberry32(seed);
  const channel = weightedPicker(random, CHANNEL_WEIGHTS);
  const shortLength = weightedPicker(
    random,
    SHORT_LENGTH_WEIGHTS.map((weight, i) => [i + 1, weight] as const),
  );
  const geometric = (mean: number): number => Math.floor(Math.log(1 - random()) / Math.log(mean / (mean + 1)));
  // A few heavy rows, as aggregation gives short popular paths: up to about e^8 conversions.
  const heavy = (scale: number): number => Math.floor(Math.exp(random() * scale));

  const pathLength = (): number =>
    random() < LONG_PATH_SHARE ? Math.min(MAX_PATH_LENGTH, 11 + geometric(7)) : shortLength();

  const conversionCount = (): number => {
    const u = random();
    if (u < 0.18) return 0;
    if (u < 0.91) return 1;
    if (u < 0.997) return 2 + geometric(1);
    return heavy(8);
  };

  const nullCount = (): number => {
    const u = random();
    if (u < 0.445) return 2;
    if (u < 0.883) return 3;
    if (u < 0.997) return 4 + geometric(3);
    return heavy(9);
  };

  return Array.from({ length: rows }, () => {
    const length = pathLength();
    const path: string[] = [channel()];
    while (path.length < length) path.push(random() < REPEAT_PREVIOUS ? path[path.length - 1]! : channel());
    const conversions = conversionCount();
    // About 4.4 a conversion on average, to three decimals as in the sample, never 0 when it converted.
    const value = conversions === 0 ? 0 : Math.max(1, Math.round(conversions * -Math.log(1 - random()) * 4_400)) / 1000;
    return { path, conversions, value, nulls: nullCount() };
  });
}

/** Path rows as the ChannelAttribution CSV (header first, newline-terminated). */
export function pathRowsCsv(rows: readonly PathRow[]): string {
  const lines = rows.map((row) => `${row.path.join(' > ')};${row.conversions};${row.value};${row.nulls}`);
  return `${[PATH_ROWS_HEADER, ...lines].join('\n')}\n`;
}

export function seededPathRowsCsv(options: SeededPathRowsOptions): string {
  return pathRowsCsv(seededPathRows(options));
}

/** Draws items in proportion to their weights (cumulative table, binary search). */
function weightedPicker<T>(random: () => number, weighted: ReadonlyArray<readonly [T, number]>): () => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of weighted) cumulative.push((total += weight));
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return weighted[low]![0];
  };
}
