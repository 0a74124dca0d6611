import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attribute } from './accumulator.js';
import { parseAttributionCsv } from './csv/csv-parser.js';
import { AttributionInputError } from './errors.js';
import { ATTRIBUTION_MODEL_IDS } from './model-ids.js';

// CI clones the repository next to shared/, as in /work: <parent>/<repo> and <parent>/shared.
const SAMPLE = new URL('../../../../shared/attribution/sample-paths.csv', import.meta.url);
const rows = [...parseAttributionCsv(readFileSync(SAMPLE, 'utf8').split('\n'))];

describe('sample-paths.csv', () => {
  it('holds 10,000 rows, 12 channels, 68,602 nulls', () => {
    expect(rows).toHaveLength(10_000);
    expect(new Set(rows.flatMap((r) => ('path' in r ? r.path : []))).size).toBe(12);
    expect(rows.reduce((sum, r) => sum + ('path' in r ? r.nulls : 0), 0)).toBe(68_602);
  });

  const models = ATTRIBUTION_MODEL_IDS.filter((m) => m !== 'TIME_DECAY');
  const result = attribute(rows, models);

  // The file's values sum to 74,802.9716 (published rounded to the cent).
  const inputValue = rows.reduce((sum, r) => sum + ('path' in r ? r.value : 0), 0);

  it.each(models)('%s hands out 19,785 conversions and 74,802.97 value in total', (model) => {
    const credits = result[model]!.channels;
    expect(result[model]!.unattributed).toEqual({ conversions: 0, value: 0 });
    const value = credits.reduce((sum, c) => sum + c.value, 0);
    expect(credits.reduce((sum, c) => sum + c.conversions, 0)).toBeCloseTo(19_785, 6);
    expect(value.toFixed(2)).toBe('74802.97');
    expect(value).toBeCloseTo(inputValue, 6);
    expect(result[model]!.totals.conversions).toBe(19_785);
  });

  it('MARKOV P(conv) is 19,785 / (19,785 + 68,602)', () => {
    expect(result.MARKOV!.conversionProbability).toBeCloseTo(19_785 / (19_785 + 68_602), 12);
  });

  it('TIME_DECAY says it needs timestamps', () => {
    expect(() => attribute(rows, ['TIME_DECAY'])).toThrowError(AttributionInputError);
  });
});
