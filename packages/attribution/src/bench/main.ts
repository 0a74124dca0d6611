import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ATTRIBUTION_MODEL_IDS } from '../model-ids.js';
import { formatBenchTable } from './bench-table.js';
import { measureTask, type BenchTask, type TaskMeasurement } from './measure-task.js';
import { measureWholeProcess } from './whole-process.js';

/** Where `pnpm bench` collects figures for the one table the API bench prints last (git-ignored). */
const RESULTS_DIR = fileURLToPath(new URL('../../../../bench-results/', import.meta.url));

// TIME_DECAY needs timestamps, which the aggregated sample does not have.
const TASKS: readonly BenchTask[] = ['PARSE', ...ATTRIBUTION_MODEL_IDS.filter((m) => m !== 'TIME_DECAY'), 'STREAM'];

/** Each task in its own process, so one task's heap and JIT state do not colour the next. */
function runInChild(task: BenchTask): Promise<TaskMeasurement> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--task', task], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
    });
    let measurement: TaskMeasurement | undefined;
    child.on('message', (message) => {
      measurement = message as TaskMeasurement;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && measurement) resolve(measurement);
      else reject(new Error(`bench task ${task} exited with code ${code}`));
    });
  });
}

const taskFlag = process.argv.indexOf('--task');
if (taskFlag >= 0) {
  const task = process.argv[taskFlag + 1] as BenchTask;
  process.send?.(measureTask(task));
} else {
  // Other processes sharing the CPUs stretch wall times: say how busy the machine was.
  const machine = `${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)} at the start.`;
  const measurements: TaskMeasurement[] = [];
  for (const task of TASKS) measurements.push(await runInChild(task));
  console.log(formatBenchTable(measurements, machine));

  const whole = await measureWholeProcess();
  console.log(
    `\nWhole process on ${whole.paths.toLocaleString('en-US')} random paths against ChannelAttribution's stored figures`,
  );
  console.log(`(${whole.source})\n`);
  console.log(
    '| models | ChannelAttribution | ours (wall, CPU, peak RSS) | faster | less memory |\n|---|---|---|---|---|',
  );
  for (const row of whole.rows) {
    console.log(
      `| ${row.name} | ${row.reference.seconds} s / ${row.reference.peakRssMb} MB | ${row.ours.seconds.toFixed(1)} s ` +
        `(CPU ${row.ours.cpuSeconds.toFixed(1)} s) / ` +
        `${row.ours.peakRssMb.toFixed(0)} MB | ${row.speedup.toFixed(1)}× | ${row.memoryRatio.toFixed(1)}× |`,
    );
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(
    `${RESULTS_DIR}engine.json`,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), tasks: measurements, ...whole }, null, 2)}\n`,
  );
}
