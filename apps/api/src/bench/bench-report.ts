/**
 * The one table `pnpm bench` prints, and the figures the other benches of `pnpm bench` leave in
 * bench-results/ for it (the engine against ChannelAttribution, the SPA's first load).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../config/repo-paths.js';
import type { MillionJourneyReport } from '../modules/attribution/bench/million-journeys-report.js';

export const RESULTS_FILE = join(REPO_ROOT, 'bench-results.json');
const STORED_DIR = join(REPO_ROOT, 'bench-results');
/** Figures older than this are from an earlier `pnpm bench`, not this one. */
const STALE_MS = 60 * 60_000;

export interface RateFigures {
  ratio: number | null;
  ours: number | null;
  reference: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  referenceP50Ms: number | null;
  referenceP99Ms: number | null;
  cpuMsPerOp: number | null;
  referenceCpuMsPerOp: number | null;
  /** Every process's CPU (load, database, emulator too) per operation: what the two cores ran out of. */
  machineCpuMsPerOp: number | null;
  referenceMachineCpuMsPerOp: number | null;
  /** The machine's CPU per operation split by process: the load process, the Stripe emulator, PostgreSQL. */
  partsCpuMsPerOp: Record<string, number> | null;
  referencePartsCpuMsPerOp: Record<string, number> | null;
}

export interface EngineFigures {
  measuredAt: string;
  paths: number;
  rows: Array<{
    name: string;
    ours: { seconds: number; cpuSeconds?: number; peakRssMb: number; models: string };
    reference: { seconds: number; peakRssMb: number; what: string };
    speedup: number;
    memoryRatio: number;
  }>;
}

export interface FirstLoadFigures {
  measuredAt: string;
  budgetBytes: number;
  signInGzipBytes: number;
  dashboardGzipBytes: number;
  dashboardUsableMs: number | null;
}

/** A figure file another bench wrote during this `pnpm bench` (within the hour), else null. */
export function readStored<T extends { measuredAt: string }>(file: string): T | null {
  const path = join(STORED_DIR, file);
  if (!existsSync(path)) return null;
  const figures = JSON.parse(readFileSync(path, 'utf8')) as T;
  return Date.now() - Date.parse(figures.measuredAt) < STALE_MS ? figures : null;
}

export interface TableRow {
  figure: string;
  reference: string;
  ours: string;
  ratio: string;
  latency: string;
  peakRss: string;
  cpu: string;
  machineCpu: string;
}

export interface TableInput {
  settings: { rounds: number; secondsPerSide: number; concurrency: number; organizations: number };
  rows: TableRow[];
}

function notMeasured(figure: string): TableRow {
  return {
    figure,
    reference: '—',
    ours: 'not measured in this run',
    ratio: '—',
    latency: '—',
    peakRss: '—',
    cpu: '—',
    machineCpu: '—',
  };
}

/** The report row's figures, or what stands for them when `--report-journeys 0` leaves it out. */
export type ReportFigures =
  | (Omit<MillionJourneyReport, 'growth'> & { growth?: MillionJourneyReport['growth'] })
  | { oneModelSeconds: null; allModelsSeconds: null; peakRssMb: null };

/** The report rows: over every stored journey, and over the last days when that was measured. */
export function reportRows(report: ReportFigures): TableRow[] {
  const rows: TableRow[] = [
    {
      figure:
        'journeys' in report
          ? `a report over ${report.journeys.toLocaleString('en-US')} stored journeys: one model / all ten ` +
            `(equal to the streamed computation: ${report.equalToStreamed}; streamed all models ${fixed(report.streamedAllModelsSeconds, 1)} s)`
          : 'a report over 1,000,000 stored journeys: one model / all ten',
      reference: '≤ 1 s / ≤ 2 s (issue 12)',
      ours:
        report.oneModelSeconds === null
          ? 'not measured'
          : `${fixed(report.oneModelSeconds, 2)} s / ${fixed(report.allModelsSeconds, 2)} s`,
      ratio: '—',
      latency: '—',
      peakRss: report.peakRssMb === null ? '—' : `${fixed(report.peakRssMb)} MB`,
      cpu: '—',
      machineCpu: '—',
    },
  ];
  if ('windowDays' in report)
    rows.push({
      figure:
        `the same over the last ${report.windowDays} days (${report.windowJourneys.toLocaleString('en-US')} journeys, ` +
        `equal to the streamed computation: ${report.windowEqualToStreamed})`,
      reference: '≤ 1 s / ≤ 2 s (issue 12)',
      ours: `${fixed(report.windowOneModelSeconds, 2)} s / ${fixed(report.windowAllModelsSeconds, 2)} s`,
      ratio: '—',
      latency: '—',
      peakRss: '—',
      cpu: '—',
      machineCpu: '—',
    });
  return rows;
}

/** The engine's and the SPA's rows, from the figures their benches stored in bench-results/. */
export function storedRows(engine: EngineFigures | null, firstLoad: FirstLoadFigures | null): TableRow[] {
  const rows: TableRow[] = [];
  for (const row of engine?.rows ?? [])
    rows.push({
      figure: `engine on ${engine!.paths.toLocaleString('en-US')} random paths, whole process: ${row.name}`,
      reference: `ChannelAttribution ${row.reference.what}: ${row.reference.seconds} s / ${row.reference.peakRssMb} MB (stored)`,
      ours:
        `${fixed(row.ours.seconds, 1)} s` +
        (row.ours.cpuSeconds === undefined ? '' : ` (CPU ${fixed(row.ours.cpuSeconds, 1)} s)`) +
        ` / ${fixed(row.ours.peakRssMb)} MB`,
      ratio: `${fixed(row.speedup, 1)}× faster, ${fixed(row.memoryRatio, 1)}× less memory`,
      latency: '—',
      peakRss: `${fixed(row.ours.peakRssMb)} / ${row.reference.peakRssMb} MB`,
      cpu: '—',
      machineCpu: '—',
    });
  if (!engine) rows.push(notMeasured('engine vs ChannelAttribution (packages/attribution bench)'));
  if (firstLoad)
    rows.push({
      figure: 'SPA first load, JS gzipped: sign-in / dashboard',
      reference: `budget ${fixed(firstLoad.budgetBytes / 1024)} KB each`,
      ours: `${fixed(firstLoad.signInGzipBytes / 1024, 1)} KB / ${fixed(firstLoad.dashboardGzipBytes / 1024, 1)} KB`,
      ratio: fixed(Math.max(firstLoad.signInGzipBytes, firstLoad.dashboardGzipBytes) / firstLoad.budgetBytes, 2),
      latency:
        firstLoad.dashboardUsableMs === null ? '—' : `dashboard usable ${fixed(firstLoad.dashboardUsableMs)} ms (cold)`,
      peakRss: '—',
      cpu: '—',
      machineCpu: '—',
    });
  else rows.push(notMeasured('SPA first load (apps/web bench)'));
  return rows;
}

export function formatTable({ settings, rows }: TableInput): string {
  const header = [
    'figure',
    'reference in the same run',
    'ours',
    'ratio',
    'ours p50 / p99',
    'peak RSS ours / ref',
    'server CPU per op ours / ref',
    'machine CPU per op ours / ref',
  ];
  return [
    `${settings.rounds} interleaved rounds of ${settings.secondsPerSide} s per side, ${settings.concurrency} in flight, ` +
      `${settings.organizations} organizations, PostgreSQL scratch database`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map(
      (row) =>
        `| ${[row.figure, row.reference, row.ours, row.ratio, row.latency, row.peakRss, row.cpu, row.machineCpu].join(' | ')} |`,
    ),
  ].join('\n');
}

export const fixed = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined ? '—' : value.toFixed(digits);
