import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { pathRowsCsv, seededPathRows } from '../sample/seeded-paths.js';

const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE_ROWS = seededPathRows({ rows: 10_000, seed: 1 });
const SAMPLE_CONVERSIONS = SAMPLE_ROWS.reduce((sum, row) => sum + row.conversions, 0);
const SAMPLE_VALUE = SAMPLE_ROWS.reduce((sum, row) => sum + row.value, 0);
/** The generated sample, written to a file as a user would pass one. */
let sampleFile: string;

beforeAll(async () => {
  sampleFile = join(await mkdtemp(join(tmpdir(), 'attribution-cli-')), 'sample-paths.csv');
  await writeFile(sampleFile, pathRowsCsv(SAMPLE_ROWS));
});

interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as `pnpm attribution` does: from the package folder, INIT_CWD = the user's folder. */
async function cli(args: string[], userDir = PACKAGE_DIR): Promise<CliOutcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: PACKAGE_DIR,
      env: { ...process.env, INIT_CWD: userDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

type JsonOutput = Record<string, Record<string, { conversions: number; value: number }>>;

describe('pnpm attribution (child process)', () => {
  it('--json prints { MODEL: { channel: { conversions, value } } } for the sample file', async () => {
    const { code, stdout } = await cli(['--model', 'SHAPLEY', '--model', 'MARKOV', '--input', sampleFile, '--json']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as JsonOutput;
    expect(Object.keys(output)).toEqual(['MARKOV', 'SHAPLEY']);
    for (const credits of Object.values(output)) {
      expect(Object.keys(credits)).toHaveLength(12);
      expect(Object.keys(credits.alpha!)).toEqual(['conversions', 'value']);
      const total = Object.values(credits).reduce((sum, c) => sum + c.conversions, 0);
      expect(total).toBeCloseTo(SAMPLE_CONVERSIONS, 6);
    }
  });

  it('reads a journeys CSV relative to INIT_CWD, with the lookback window', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attribution-cli-'));
    await writeFile(
      join(dir, 'journeys.csv'),
      [
        'journey_id,channel,touched_at,milestone,converted_at,value',
        'j1,display,2026-01-01T00:00:00Z,,2026-03-01T00:00:00Z,100',
        'j1,search,2026-02-20T00:00:00Z,,2026-03-01T00:00:00Z,100',
        'j2,email,2026-02-27T00:00:00Z,,,',
        '',
      ].join('\n'),
    );
    const { code, stdout } = await cli(
      ['--model', 'FIRST_TOUCH', '--input', 'journeys.csv', '--lookback-days', '30', '--json'],
      dir,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ FIRST_TOUCH: { search: { conversions: 1, value: 100 } } });
  });

  it('prints a table per model with totals and unattributed by default', async () => {
    const { code, stdout } = await cli(['--model', 'LAST_TOUCH', '--input', sampleFile]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^LAST_TOUCH\nchannel +conversions +value\n/);
    expect(stdout).toMatch(/\nunattributed +0\.0000 +0\.00\n/);
    expect(stdout).toMatch(new RegExp(`\\ntotal +${SAMPLE_CONVERSIONS.toFixed(4)} +${SAMPLE_VALUE.toFixed(2)}\\n`));
  });

  it('exits 1 with file:line: reason on a malformed file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attribution-cli-'));
    await writeFile(
      join(dir, 'bad.csv'),
      'path;total_conversions;total_conversion_value;total_null\na > b;1;2;0\na > b;one;2;0\n',
    );
    const { code, stderr, stdout } = await cli(['--model', 'LINEAR', '--input', 'bad.csv'], dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('bad.csv:3: total_conversions is not a non-negative number: "one"\n');
  });

  it('exits 1 when TIME_DECAY meets a file without timestamps', async () => {
    const { code, stderr } = await cli(['--model', 'TIME_DECAY', '--input', sampleFile]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/sample-paths\.csv:2: TIME_DECAY needs touch and conversion timestamps/);
  });

  it('exits 2 with the usage on an unknown model or a missing --input', async () => {
    const unknown = await cli(['--model', 'NOPE', '--input', sampleFile]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown model NOPE[\s\S]*Usage: pnpm attribution/);
    const missing = await cli(['--model', 'LINEAR']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--input <file.csv> is required/);
  });

  it('prints the usage on --help and exits 0', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: pnpm attribution --model <ID>/);
  });
});
