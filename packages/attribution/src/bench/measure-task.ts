import { AttributionAccumulator } from '../accumulator.js';
import { createCsvParser, parseAttributionCsv } from '../csv/csv-parser.js';
import type { AttributionModelId } from '../model-ids.js';
import type { PathRow } from '../types.js';
import { replicatedSampleLines, SAMPLE_ROWS } from './replicated-sample.js';

export const BENCH_ROWS = 1_000_000;
const TIMED_RUNS = 5;

/** A model over rows in memory, the CSV parse alone, or parse + LINEAR streamed line by line. */
export type BenchTask = AttributionModelId | 'PARSE' | 'STREAM';

export interface TaskMeasurement {
  readonly task: BenchTask;
  readonly rows: number;
  /** First run in a fresh process, before the JIT has warmed up. */
  readonly coldMs: number;
  /** CPU time (user + system, all threads) of the first run: less swayed than wall time by other load. */
  readonly coldCpuMs: number;
  /** Median of the timed runs after it. */
  readonly medianMs: number;
  /** Heap growth over the first run (garbage not yet collected included). */
  readonly heapDeltaMb: number;
  /** Heap still held after the first run and a full GC: what the task keeps. */
  readonly retainedMb: number;
  /** Peak RSS of the whole process (the rows in memory included). */
  readonly peakRssMb: number;
}

const MB = 1024 * 1024;

export function measureTask(task: BenchTask): TaskMeasurement {
  const lines = replicatedSampleLines(BENCH_ROWS);
  const run = taskRunner(task, lines);
  const gc = requireGc();
  gc();
  const before = process.memoryUsage().heapUsed;
  let start = performance.now();
  const cpuBefore = process.cpuUsage();
  // Held through the GC below, so that what the task keeps is counted as retained.
  const held = [run()];
  const coldMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const heapDeltaMb = (process.memoryUsage().heapUsed - before) / MB;
  gc();
  const retainedMb = (process.memoryUsage().heapUsed - before) / MB;
  held.length = 0;
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    task,
    rows: BENCH_ROWS,
    coldMs,
    coldCpuMs: (cpu.user + cpu.system) / 1000,
    medianMs: times[Math.floor(times.length / 2)]!,
    heapDeltaMb,
    retainedMb,
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
  };
}

/** Prepares the input outside the timing and returns the timed work. */
function taskRunner(task: BenchTask, lines: readonly string[]): () => unknown {
  if (task === 'PARSE') return () => parseAll(lines);
  if (task === 'STREAM') return () => streamLinear(lines);
  // The sample's parsed rows, replicated by reference to BENCH_ROWS.
  const sample = [...parseAttributionCsv(lines.slice(0, SAMPLE_ROWS + 1))] as PathRow[];
  const rows = Array.from({ length: BENCH_ROWS }, (_, i) => sample[i % sample.length]!);
  return () => {
    const accumulator = new AttributionAccumulator([task]);
    for (const row of rows) accumulator.addPathRow(row);
    accumulator.result();
    return accumulator;
  };
}

function parseAll(lines: readonly string[]): number {
  const parser = createCsvParser();
  let count = 0;
  for (const line of lines) if (parser.pushLine(line)) count++;
  return count;
}

function streamLinear(lines: readonly string[]): unknown {
  const parser = createCsvParser();
  const accumulator = new AttributionAccumulator(['LINEAR']);
  for (const line of lines) {
    const row = parser.pushLine(line);
    if (row && 'path' in row) accumulator.addPathRow(row);
  }
  accumulator.result();
  return accumulator;
}

function requireGc(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  return gc;
}
