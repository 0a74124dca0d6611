/**
 * The engine against ChannelAttribution's stored figures (channel-attribution-reference.json), measured
 * the way they were: a whole process (start, read 1,000,000 random paths from a CSV file, compute,
 * print, exit) timed from spawn to exit, with its peak resident memory. Ours is the `pnpm attribution`
 * CLI on seeded random path rows; heuristics = FIRST_TOUCH, LAST_TOUCH, LINEAR; Markov is our exact one.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededPathRowsCsv } from '../sample/seeded-paths.js';

interface ReferenceRow {
  seconds: number;
  peakRssMb: number;
  models: string;
}

interface Reference {
  what: string;
  source: string;
  paths: number;
  heuristics: ReferenceRow;
  markov: ReferenceRow;
}

export interface WholeProcessRow {
  name: string;
  /** Wall time spawn → exit; CPU time (user + system, all threads) stretches less when other processes share the CPUs. */
  ours: { seconds: number; cpuSeconds: number; peakRssMb: number; models: string };
  reference: { seconds: number; peakRssMb: number; what: string };
  speedup: number;
  memoryRatio: number;
}

const REFERENCE = JSON.parse(
  readFileSync(fileURLToPath(new URL('./channel-attribution-reference.json', import.meta.url)), 'utf8'),
) as Reference;
const CLI = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const PEAK_RSS = fileURLToPath(new URL('./peak-rss-on-exit.ts', import.meta.url));

/** Runs the CLI on `input` in a fresh process; wall seconds spawn → exit and the process's peak RSS. */
function runCli(models: string, input: string): Promise<{ seconds: number; cpuSeconds: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', '--import', PEAK_RSS, CLI, '--model', models, '--input', input],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const [, kb, cpuUs] = /peak-rss-kb (\d+) cpu-us (\d+)/.exec(stderr) ?? [];
      if (code !== 0 || !kb) reject(new Error(`attribution CLI exited with ${code}: ${stderr.slice(-500)}`));
      else resolve({ seconds, cpuSeconds: Number(cpuUs) / 1e6, peakRssMb: Number(kb) / 1024 });
    });
  });
}

export async function measureWholeProcess(): Promise<{ paths: number; source: string; rows: WholeProcessRow[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'aa-engine-bench-'));
  try {
    const input = join(dir, 'paths.csv');
    writeFileSync(input, seededPathRowsCsv({ rows: REFERENCE.paths, seed: 1 }));
    const rows: WholeProcessRow[] = [];
    for (const [name, models, reference] of [
      ['heuristics', 'FIRST_TOUCH,LAST_TOUCH,LINEAR', REFERENCE.heuristics],
      ['Markov (ours exact, theirs simulated)', 'MARKOV', REFERENCE.markov],
    ] as const) {
      const ours = await runCli(models, input);
      rows.push({
        name,
        ours: { ...ours, models },
        reference: { seconds: reference.seconds, peakRssMb: reference.peakRssMb, what: reference.models },
        speedup: reference.seconds / ours.seconds,
        memoryRatio: reference.peakRssMb / ours.peakRssMb,
      });
    }
    return { paths: REFERENCE.paths, source: REFERENCE.source, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
