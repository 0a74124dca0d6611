import { BENCH_ROWS, type TaskMeasurement } from './measure-task.js';
import { SAMPLE_ROWS, SAMPLE_SEED } from './replicated-sample.js';

const HEURISTIC_ROWS_PER_SECOND = 2_000_000;
const EXACT_MODEL_MS = 1_500;

interface Target {
  readonly label: string;
  /** How far a run of `ms` milliseconds is ahead of the target: ≥ 1 meets it. */
  readonly ratio: (ms: number) => number;
}

/** What issue 3 asks of each task; undefined where there is no target. */
function targetOf(m: TaskMeasurement): Target | undefined {
  if (m.task === 'PARSE' || m.task === 'STREAM') return undefined;
  if (m.task === 'MARKOV' || m.task === 'SHAPLEY') {
    return { label: `< ${EXACT_MODEL_MS} ms`, ratio: (ms) => EXACT_MODEL_MS / ms };
  }
  return { label: '≥ 2.0 M rows/s', ratio: (ms) => rowsPerSecond(m.rows, ms) / HEURISTIC_ROWS_PER_SECOND };
}

function verdict(target: Target | undefined, ms: number): string {
  if (!target) return '';
  const ratio = target.ratio(ms);
  return `${ratio.toFixed(2)}× ${ratio >= 1 ? 'met' : 'MISSED'}`;
}

function rowsPerSecond(rows: number, ms: number): number {
  return (rows / ms) * 1000;
}

const TASK_LABELS: Record<string, string> = {
  PARSE: 'CSV parse only',
  STREAM: 'parse + LINEAR, streamed',
};

export function formatBenchTable(measurements: readonly TaskMeasurement[], machine: string): string {
  const header = [
    'task',
    'cold ms',
    'cold cpu ms',
    'rows/s cold',
    'median ms',
    'rows/s median',
    'heap Δ MB',
    'retained MB',
    'peak RSS MB',
    'target',
    'cold wall',
    'cold cpu',
  ];
  const rows = measurements.map((m) => {
    const target = targetOf(m);
    return [
      TASK_LABELS[m.task] ?? m.task,
      m.coldMs.toFixed(0),
      m.coldCpuMs.toFixed(0),
      millions(rowsPerSecond(m.rows, m.coldMs)),
      m.medianMs.toFixed(0),
      millions(rowsPerSecond(m.rows, m.medianMs)),
      m.heapDeltaMb.toFixed(1),
      m.retainedMb.toFixed(2),
      m.peakRssMb.toFixed(0),
      target?.label ?? '',
      verdict(target, m.coldMs),
      verdict(target, m.coldCpuMs),
    ];
  });
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [
    `${SAMPLE_ROWS.toLocaleString('en-US')} seeded path rows (seed ${SAMPLE_SEED}) replicated to ${BENCH_ROWS.toLocaleString('en-US')} rows; each task in a fresh process. ${machine}`,
    'cold = first run in that process (JIT warm-up included); median = of the next 5 runs; cpu = user+sys',
    'of the cold run (all threads, GC included). Wall times grow when other processes share the CPUs.',
    `Models read the ${SAMPLE_ROWS.toLocaleString('en-US')} parsed rows replicated by reference; "parse + LINEAR, streamed" feeds each`,
    'parsed line straight to the engine. Targets (issue 3) are checked on the cold run, wall and CPU time.',
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

function millions(perSecond: number): string {
  return `${(perSecond / 1e6).toFixed(2)} M`;
}
