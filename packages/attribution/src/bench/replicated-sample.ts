import { seededPathRowsCsv } from '../sample/seeded-paths.js';

/** Rows generated once, then repeated: like the 10,000-row ChannelAttribution sample the bench used to read. */
export const SAMPLE_ROWS = 10_000;
export const SAMPLE_SEED = 1;

/** Seeded path rows' lines (header first), replicated until there are `rowCount` data rows. */
export function replicatedSampleLines(rowCount: number): string[] {
  const [header, ...rows] = seededPathRowsCsv({ rows: SAMPLE_ROWS, seed: SAMPLE_SEED }).trimEnd().split('\n');
  const lines = [header!];
  for (let i = 0; i < rowCount; i++) lines.push(rows[i % rows.length]!);
  return lines;
}
