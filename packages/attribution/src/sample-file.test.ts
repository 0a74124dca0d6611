import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { attribute } from './accumulator.js';
import { parseAttributionCsv } from './csv/csv-parser.js';
import { AttributionInputError } from './errors.js';
import { ATTRIBUTION_MODEL_IDS } from './model-ids.js';
import { seededPathRows, seededPathRowsCsv } from './sample/seeded-paths.js';
import type { AttributionResult, Journey, PathRow } from './types.js';

const models = ATTRIBUTION_MODEL_IDS.filter((m) => m !== 'TIME_DECAY');

const isPathRow = (row: Journey | PathRow): row is PathRow => 'path' in row;
const total = (rows: readonly PathRow[], field: 'conversions' | 'value' | 'nulls'): number =>
  rows.reduce((sum, row) => sum + row[field], 0);

describe('seeded path rows (10,000, seed 1), parsed from their CSV', () => {
  const generated = seededPathRows({ rows: 10_000, seed: 1 });
  const conversions = total(generated, 'conversions');
  const value = total(generated, 'value');
  const nulls = total(generated, 'nulls');
  let rows: PathRow[];
  let result: AttributionResult;

  beforeAll(() => {
    rows = [...parseAttributionCsv(seededPathRowsCsv({ rows: 10_000, seed: 1 }).split('\n'))].filter(isPathRow);
    result = attribute(rows, models);
  });

  it.each(models)('%s hands out every conversion and all the value, none unattributed', (model) => {
    const credits = result[model]!.channels;
    expect(credits).toHaveLength(12);
    expect(result[model]!.unattributed).toEqual({ conversions: 0, value: 0 });
    expect(credits.reduce((sum, c) => sum + c.conversions, 0)).toBeCloseTo(conversions, 6);
    expect(credits.reduce((sum, c) => sum + c.value, 0)).toBeCloseTo(value, 6);
    expect(result[model]!.totals.conversions).toBe(conversions);
  });

  it('MARKOV P(conv) is conversions / (conversions + nulls)', () => {
    expect(result.MARKOV!.conversionProbability).toBeCloseTo(conversions / (conversions + nulls), 12);
  });

  it('TIME_DECAY says it needs timestamps', () => {
    expect(() => attribute(rows, ['TIME_DECAY'])).toThrowError(AttributionInputError);
  });
});

// ChannelAttribution's own sample is not ours to ship: CI clones the repository next to shared/
// (<parent>/<repo> and <parent>/shared, as in /work) and checks its published totals; a bare clone skips this.
const SAMPLE = fileURLToPath(new URL('../../../../shared/attribution/sample-paths.csv', import.meta.url));

describe.skipIf(!existsSync(SAMPLE))('sample-paths.csv (ChannelAttribution, beside the repository)', () => {
  let rows: PathRow[];
  let result: AttributionResult;

  beforeAll(() => {
    rows = [...parseAttributionCsv(readFileSync(SAMPLE, 'utf8').split('\n'))].filter(isPathRow);
    result = attribute(rows, models);
  });

  it('holds 10,000 rows, 12 channels, 68,602 nulls', () => {
    expect(rows).toHaveLength(10_000);
    expect(new Set(rows.flatMap((r) => r.path)).size).toBe(12);
    expect(total(rows, 'nulls')).toBe(68_602);
  });

  // The file's values sum to 74,802.9716 (published rounded to the cent).
  it.each(models)('%s hands out 19,785 conversions and 74,802.97 value in total', (model) => {
    const credits = result[model]!.channels;
    expect(result[model]!.unattributed).toEqual({ conversions: 0, value: 0 });
    const value = credits.reduce((sum, c) => sum + c.value, 0);
    expect(credits.reduce((sum, c) => sum + c.conversions, 0)).toBeCloseTo(19_785, 6);
    expect(value.toFixed(2)).toBe('74802.97');
    expect(value).toBeCloseTo(total(rows, 'value'), 6);
    expect(result[model]!.totals.conversions).toBe(19_785);
  });

  it('MARKOV P(conv) is 19,785 / (19,785 + 68,602)', () => {
    expect(result.MARKOV!.conversionProbability).toBeCloseTo(19_785 / (19_785 + 68_602), 12);
  });
});
