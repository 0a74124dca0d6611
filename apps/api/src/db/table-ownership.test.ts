import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A table's SQL lives only in its owner module's folder (issue 9); migrations and tests are allowed
 * everywhere. Lint cannot see table names inside strings, so this test reads the sources.
 */
const SRC = fileURLToPath(new URL('..', import.meta.url));

const OWNER: Record<string, string> = {
  organization: 'accounts',
  app_user: 'accounts',
  membership: 'accounts',
  api_key: 'accounts',
  user_session: 'accounts',
  sign_in_throttle: 'accounts',
  sign_in_known_address: 'accounts',
  usage_counter: 'entitlements',
  journey: 'attribution',
  touch: 'attribution',
  journey_path: 'attribution',
  attribution_report: 'attribution',
  journey_import: 'attribution',
  stored_journey_count: 'attribution',
  journey_path_shape: 'attribution',
  journey_path_day: 'attribution',
  journey_path_total: 'attribution',
  journey_unfolded: 'attribution',
  billing_customer: 'billing',
  billing_subscription: 'billing',
  stripe_webhook_event: 'billing',
  billing_repair: 'billing',
  billing_incident: 'billing',
  mail_message: 'mail',
  rate_limit_bucket: 'ratelimit',
};

/** A table named where SQL names tables: after from, join, into, update, table or references. */
function sqlTablesIn(source: string): Set<string> {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const found = new Set<string>();
  const pattern = /\b(?:from|join|into|update|table|references)\s+(?:if\s+(?:not\s+)?exists\s+)?"?([a-z_]+)"?/gi;
  for (const match of code.matchAll(pattern)) {
    const table = match[1]!.toLowerCase();
    if (table in OWNER) found.add(table);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function isAllowedEverywhere(file: string): boolean {
  return file.split(sep).includes('migrations') || file.startsWith(`test${sep}`) || /\.test\.tsx?$/.test(file);
}

function foreignTableSql(files: Array<{ file: string; source: string }>): string[] {
  return files.flatMap(({ file, source }) => {
    if (isAllowedEverywhere(file)) return [];
    return [...sqlTablesIn(source)]
      .filter((table) => !file.startsWith(`modules${sep}${OWNER[table]}${sep}`))
      .map((table) => `${file.split(sep).join('/')}: ${table}`);
  });
}

describe('table ownership', () => {
  it('finds no table in SQL outside its owner module', () => {
    const files = sourceFiles(SRC).map((path) => ({ file: relative(SRC, path), source: readFileSync(path, 'utf8') }));
    expect(foreignTableSql(files)).toEqual([]);
  });

  it('names the file and the table of a foreign SQL statement', () => {
    const file = join('modules', 'attribution', 'x.store.ts');
    const source = "await db.execute('select plan from usage_counter where organization_id = ?', [id]);";
    expect(foreignTableSql([{ file, source }])).toEqual(['modules/attribution/x.store.ts: usage_counter']);
  });

  it('reads SQL, not comments or words that happen to name a table', () => {
    const file = join('modules', 'mail', 'x.ts');
    const source = '// copied from journey\nconst touch = 1; /* join organization */ const organization = touch;';
    expect(foreignTableSql([{ file, source }])).toEqual([]);
  });
});
