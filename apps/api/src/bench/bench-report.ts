/**
 * The one table `pnpm bench` prints, and the figures the other benches of `pnpm bench` leave in
 * bench-results/ for it (the engine against ChannelAttribution, the SPA's first load).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../config/repo-paths.js';

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

export interface TableInput {
  settings: { rounds: number; secondsPerSide: number; concurrency: number; organizations: number };
  rows: Array<{
    figure: string;
    reference: string;
    ours: string;
    ratio: string;
    latency: string;
    peakRss: string;
    cpu: string;
  }>;
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
  ];
  return [
    `${settings.rounds} interleaved rounds of ${settings.secondsPerSide} s per side, ${settings.concurrency} in flight, ` +
      `${settings.organizations} organizations, PostgreSQL scratch database`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map(
      (row) => `| ${[row.figure, row.reference, row.ours, row.ratio, row.latency, row.peakRss, row.cpu].join(' | ')} |`,
    ),
  ].join('\n');
}

export const fixed = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined ? '—' : value.toFixed(digits);
