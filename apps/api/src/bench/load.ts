/** The load the bench sends: GraphQL calls, `concurrency` of them in flight, and what each side's samples add up to. */
import { fixed, type RateFigures, type TableRow } from './bench-report.js';
import { CPU_PARTS, type CpuParts } from './children.js';

export async function graphql(
  url: string,
  query: string,
  variables: object = {},
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(`bench request failed: ${JSON.stringify(body.errors)}`);
  return { data: body.data ?? {}, response };
}

/** Throughput and latencies of `call` at `concurrency` in flight, for `calls` calls or `seconds`. */
export interface Sample {
  done: number;
  ms: number;
  latencies: number[];
}

export async function drive(
  call: (index: number) => Promise<void>,
  limit: { concurrency: number; seconds?: number; calls?: number },
): Promise<Sample> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + (limit.seconds ?? Infinity) * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < deadline && next < (limit.calls ?? Infinity)) {
      const index = next++;
      const at = performance.now();
      await call(index);
      latencies.push(performance.now() - at);
    }
  };
  await Promise.all(Array.from({ length: limit.concurrency }, worker));
  return { done: latencies.length, ms: performance.now() - started, latencies };
}

const noCpuParts = (): CpuParts => ({ load: 0, emulator: 0, postgres: 0 });

export class Series {
  readonly samples: Sample[] = [];
  /** The highest resident set of the process serving this side, sampled while it ran. */
  peakRssMb = 0;
  /** CPU ms the serving process spent during the samples. */
  cpuMs = 0;
  /** CPU ms the whole machine spent during the samples (load process, database and emulator included). */
  machineCpuMs = 0;
  /** CPU ms of the other parts of the machine during the samples: the load process, the emulator, PostgreSQL. */
  partsCpuMs = noCpuParts();
  /** Calls completed over all samples. */
  get done() {
    return this.samples.reduce((sum, sample) => sum + sample.done, 0);
  }
  /** Time the samples ran, in seconds. */
  get seconds() {
    return this.samples.reduce((sum, sample) => sum + sample.ms, 0) / 1000;
  }
  get machineCpuMsPerOp() {
    return this.machineCpuMs ? this.machineCpuMs / this.done : null;
  }
  get cpuMsPerOp() {
    return this.cpuMs ? this.cpuMs / this.done : null;
  }
  add(sample: Sample) {
    this.samples.push(sample);
  }
  /** Adds the parts' CPU used during a sample (cpuBetween). */
  addParts(used: CpuParts) {
    for (const part of CPU_PARTS) this.partsCpuMs[part] += used[part];
  }
  /** Forgets the CPU counted so far (the warm-up's), keeping the peak RSS. */
  resetCpu() {
    this.cpuMs = 0;
    this.machineCpuMs = 0;
    this.partsCpuMs = noCpuParts();
  }
  get rate() {
    return this.done / this.seconds;
  }
  percentile(p: number) {
    const all = this.samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b);
    return all[Math.min(all.length - 1, Math.floor((p / 100) * all.length))] ?? NaN;
  }
}

/** Ours ÷ the reference, or null when this side did not run. */
export const ratio = (ours: Series, reference: Series): number | null =>
  ours.samples.length ? ours.rate / reference.rate : null;

/** A rate row's columns: both rates, their ratio, our latencies, both peak RSS and CPU per operation. */
export function rateColumns(ours: Series, reference: Series, unit: string): Omit<TableRow, 'figure'> {
  return {
    reference: `${fixed(reference.rate)} ${unit}`,
    ours: `${fixed(ours.rate)} ${unit}`,
    ratio: fixed(ratio(ours, reference), 2),
    latency: `${fixed(ours.percentile(50), 1)} / ${fixed(ours.percentile(99), 1)} ms`,
    peakRss: `${fixed(ours.peakRssMb)} / ${reference.peakRssMb ? fixed(reference.peakRssMb) : '—'} MB`,
    cpu: `${fixed(ours.cpuMsPerOp, 2)} / ${fixed(reference.cpuMsPerOp, 2)} ms`,
    machineCpu: `${fixed(ours.machineCpuMsPerOp, 2)} / ${fixed(reference.machineCpuMsPerOp, 2)} ms`,
  };
}

/** A rate row's figures for bench-results.json; null where a side did not run. */
export function rateFigures(ours: Series, reference: Series): RateFigures {
  return {
    ratio: ratio(ours, reference),
    ours: ours.samples.length ? ours.rate : null,
    reference: reference.samples.length ? reference.rate : null,
    p50Ms: ours.samples.length ? ours.percentile(50) : null,
    p99Ms: ours.samples.length ? ours.percentile(99) : null,
    referenceP50Ms: reference.samples.length ? reference.percentile(50) : null,
    referenceP99Ms: reference.samples.length ? reference.percentile(99) : null,
    cpuMsPerOp: ours.cpuMsPerOp,
    referenceCpuMsPerOp: reference.cpuMsPerOp,
    machineCpuMsPerOp: ours.machineCpuMsPerOp,
    referenceMachineCpuMsPerOp: reference.machineCpuMsPerOp,
    partsCpuMsPerOp: perOp(ours),
    referencePartsCpuMsPerOp: perOp(reference),
  };
}

const perOp = (series: Series) =>
  series.done
    ? Object.fromEntries(Object.entries(series.partsCpuMs).map(([part, ms]) => [part, ms / series.done]))
    : null;
