import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { environmentWithDotEnv } from './dotenv.js';
import { loadConfig } from './env.js';
import { REPO_ROOT } from './repo-paths.js';

const dir = mkdtempSync(join(tmpdir(), 'aa-dotenv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function envFile(content: string): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.env`);
  writeFileSync(path, content);
  return path;
}

describe('.env', () => {
  it('is read under the real environment: a variable set for real keeps its value', () => {
    const file = envFile(
      '# a comment\nPORT=5001\nLOG_LEVEL=debug\nRECONCILE_SCHEDULE="0 4 * * *"\nMAIL_FROM=Billing <b@example.com> # trailing comment\n',
    );
    const config = loadConfig(environmentWithDotEnv({ PORT: '6001' }, file));
    expect(config.server.port).toBe(6001);
    expect(config.server.logLevel).toBe('debug');
    expect(config.billing.reconcileSchedule).toBe('0 4 * * *');
    expect(config.mail.from).toBe('Billing <b@example.com>');
  });

  it('leaves the file value when the real variable is empty (empty counts as unset)', () => {
    const file = envFile('PORT=5002\n');
    expect(environmentWithDotEnv({ PORT: '' }, file).PORT).toBe('5002');
  });

  it('is optional: without the file the real environment is used as it is', () => {
    const real = { PORT: '7001' };
    expect(environmentWithDotEnv(real, join(dir, 'missing.env'))).toBe(real);
  });

  it('.env.example names every variable of the README configuration table, all commented out, and parses as valid configuration', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1),
    );
    const documented = [...table.matchAll(/^\| `([A-Z_]+)`(?:, `([A-Z_]+)`)? \|/gm)]
      .flatMap((match) => [match[1], match[2]])
      .filter(Boolean);
    expect(documented.length).toBeGreaterThan(20);

    const example = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');
    const lines = example.split('\n');
    expect(
      lines.filter((line) => line.trim() !== '' && !line.startsWith('#')),
      'every line is a comment',
    ).toEqual([]);
    const commentedOut = lines.map((line) => /^# ([A-Z_]+)=/.exec(line)?.[1]).filter(Boolean);
    for (const name of documented) expect(commentedOut, `${name} is in .env.example`).toContain(name);

    // Uncommented as it stands, the example is a configuration the app accepts.
    const uncommented = envFile(lines.map((line) => line.replace(/^# ([A-Z_]+=)/, '$1')).join('\n'));
    expect(() => loadConfig(environmentWithDotEnv({}, uncommented))).not.toThrow();
  });
});
