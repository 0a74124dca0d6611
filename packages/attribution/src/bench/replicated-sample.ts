import { readFileSync } from 'node:fs';

// The repository sits next to shared/: <parent>/<repo>/packages/attribution/src/bench → <parent>/shared.
const SAMPLE = new URL('../../../../../shared/attribution/sample-paths.csv', import.meta.url);

/** The sample file's lines (header first), replicated until there are `rowCount` data rows. */
export function replicatedSampleLines(rowCount: number): string[] {
  const [header, ...rows] = readFileSync(SAMPLE, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const lines = [header!];
  for (let i = 0; i < rowCount; i++) lines.push(rows[i % rows.length]!);
  return lines;
}
