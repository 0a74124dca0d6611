/** The bench's child processes: started through tsx, and read from Linux's /proc while they serve. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface Child {
  url: string;
  process: ChildProcess;
}

/** Starts a bench child with tsx and waits for its `listening <url>` line. */
export async function startChild(file: string, env: Record<string, string>, nodeFlags: string[] = []): Promise<Child> {
  const child = spawn(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', '--conditions=source', new URL(file, import.meta.url).pathname],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before listening`)));
    lines.on('line', (line) => {
      if (line.startsWith('listening ')) resolve(line.slice('listening '.length));
    });
  });
  return { url, process: child };
}

/** The process's peak (VmHWM) or current (VmRSS) resident set, from Linux's /proc. */
function procMb(child: ChildProcess, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}
export const peakRssMb = (child: ChildProcess) => procMb(child, 'VmHWM');
/** CPU time (user + system) the process has used, in ms: steadier than throughput on a shared machine. */
export function cpuMs(child: ChildProcess): number {
  return pidCpuMs(child.pid!);
}
function pidCpuMs(pid: number | string): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** CPU time (ms) of every PostgreSQL process on the machine by pid, backends and background writers alike. */
function postgresCpuMsByPid(): Map<string, number> {
  const byPid = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') byPid.set(pid, pidCpuMs(pid));
    } catch {
      // The process ended while we read it.
    }
  }
  return byPid;
}

/** CPU time (ms) of the machine's parts beside the server measured: this (load) process, the emulator, PostgreSQL. */
export interface CpuParts {
  load: number;
  emulator: number;
  postgres: number;
}
export const CPU_PARTS = ['load', 'emulator', 'postgres'] as const;

/** A reading of the parts' CPU counters, PostgreSQL's per process (backends come and go). */
export interface CpuReading {
  load: number;
  emulator: number;
  postgres: Map<string, number>;
}

export function cpuReading(emulator: ChildProcess): CpuReading {
  const load = process.cpuUsage();
  return { load: (load.user + load.system) / 1000, emulator: cpuMs(emulator), postgres: postgresCpuMsByPid() };
}

/**
 * The parts' CPU between two readings. PostgreSQL's is what each process running at the second used
 * since the first (all of it for one started since): a backend that exited meanwhile took its time
 * with it, so the figure can fall short, never below zero as a difference of two totals could.
 */
export function cpuBetween(before: CpuReading, after: CpuReading): CpuParts {
  let postgres = 0;
  for (const [pid, ms] of after.postgres) postgres += ms - (before.postgres.get(pid) ?? 0);
  return { load: after.load - before.load, emulator: after.emulator - before.emulator, postgres };
}
export const rssMb = (child: ChildProcess) => procMb(child, 'VmRSS');

/** CPU time (ms) every process on the machine has used: the load process, the database and the emulator too. */
export function machineBusyMs(): number {
  const [, user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .map(Number);
  return (user! + nice! + system! + irq! + softirq!) * 10;
}
