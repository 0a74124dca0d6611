import { describe, expect, it } from 'vitest';
import { attribute } from './accumulator.js';
import { ATTRIBUTION_MODEL_IDS, type AttributionModelId } from './model-ids.js';
import { bruteForceShapley } from './testing/brute-force-shapley.js';
import { creditsOf } from './testing/credit-assertions.js';
import { markovByResolving } from './testing/markov-by-resolving.js';
import { CHANNELS, randomInt, randomJourney, randomPathRow, seededRandom } from './testing/random-input.js';
import type { ModelResult, PathRow } from './types.js';

const PER_JOURNEY_MODELS = ATTRIBUTION_MODEL_IDS.filter(
  (m): m is Exclude<AttributionModelId, 'MARKOV'> => m !== 'MARKOV',
);

function sumOf(result: ModelResult | undefined): { conversions: number; value: number } {
  if (!result) throw new Error('model missing');
  return result.channels.reduce(
    (sum, c) => ({ conversions: sum.conversions + c.conversions, value: sum.value + c.value }),
    { ...result.unattributed },
  );
}

describe('properties on random inputs', () => {
  it('the credit of every converting journey sums to its conversions and value, in every model but MARKOV', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 300; i++) {
      const journey = randomJourney(random);
      const result = attribute([journey], PER_JOURNEY_MODELS);
      for (const model of PER_JOURNEY_MODELS) {
        const sum = sumOf(result[model]);
        expect(sum.conversions, `${model} journey ${i}`).toBeCloseTo(journey.conversions!, 9);
        expect(sum.value, `${model} journey ${i}`).toBeCloseTo(journey.value!, 9);
      }
    }
  });

  it('MARKOV hands out exactly the total conversions and value over the whole set', () => {
    const random = seededRandom(2);
    const rows = Array.from({ length: 200 }, () => randomPathRow(random));
    const result = attribute(rows, ['MARKOV']).MARKOV;
    const sum = sumOf(result);
    expect(sum.conversions).toBeCloseTo(result!.totals.conversions, 9);
    expect(sum.value).toBeCloseTo(result!.totals.value, 9);
  });

  it('all models agree on one-touch journeys (MARKOV on conversions: it splits value pro rata)', () => {
    const random = seededRandom(3);
    const rows = Array.from({ length: 100 }, () => randomPathRow(random, CHANNELS, 1));
    const all = attribute(
      rows,
      ATTRIBUTION_MODEL_IDS.filter((m) => m !== 'TIME_DECAY'),
    );
    const reference = all.LAST_TOUCH!;
    for (const [model, result] of Object.entries(all)) {
      const credits = creditsOf(result);
      for (const channel of reference.channels) {
        expect(credits[channel.channel], `${model} ${channel.channel}`).toBeCloseTo(channel.conversions, 9);
        if (model !== 'MARKOV') {
          const value = result.channels.find((c) => c.channel === channel.channel)?.value;
          expect(value, `${model} ${channel.channel} value`).toBeCloseTo(channel.value, 9);
        }
      }
    }
  });

  it('one-touch journeys with timestamps: TIME_DECAY, W_SHAPED and FULL_PATH give all to the touch', () => {
    const journey = {
      touches: [{ channel: 'email', at: 0, milestone: 'lead' as const }],
      convertedAt: 5 * 86_400_000,
      value: 9,
    };
    const result = attribute([journey], PER_JOURNEY_MODELS);
    for (const model of PER_JOURNEY_MODELS)
      expect(result[model]?.channels, model).toEqual([{ channel: 'email', conversions: 1, value: 9 }]);
  });

  it('SHAPLEY equals the brute-force Shapley value on small random inputs', () => {
    const random = seededRandom(4);
    for (let trial = 0; trial < 40; trial++) {
      const channels = CHANNELS.slice(0, randomInt(random, 1, CHANNELS.length));
      const rows: PathRow[] = Array.from({ length: randomInt(random, 1, 8) }, () => randomPathRow(random, channels, 5));
      const expected = bruteForceShapley(rows);
      const actual = creditsOf(attribute(rows, ['SHAPLEY']).SHAPLEY);
      for (const [channel, value] of Object.entries(expected)) {
        expect(actual[channel] ?? 0, `trial ${trial} ${channel}`).toBeCloseTo(value, 9);
      }
    }
  });

  it('MARKOV removal effects equal re-solving the chain once per removed channel', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 30; trial++) {
      const rows = Array.from({ length: randomInt(random, 1, 40) }, () => randomPathRow(random));
      if (rows.every((r) => r.conversions === 0)) continue;
      const expected = markovByResolving(rows);
      const actual = attribute(rows, ['MARKOV']).MARKOV!;
      expect(actual.conversionProbability).toBeCloseTo(expected.conversionProbability, 12);
      // A channel only on rows without conversions or nulls is not in the chain: the engine omits it.
      for (const [channel, effect] of Object.entries(expected.effects)) {
        expect(actual.removalEffects![channel] ?? 0, `trial ${trial} ${channel}`).toBeCloseTo(effect, 10);
      }
    }
  });

  it('MARKOV P(conv) equals conversions / (conversions + nulls) when there are nulls', () => {
    const random = seededRandom(5);
    for (let trial = 0; trial < 30; trial++) {
      const rows = Array.from({ length: randomInt(random, 1, 50) }, () => randomPathRow(random));
      const conversions = rows.reduce((s, r) => s + r.conversions, 0);
      const nulls = rows.reduce((s, r) => s + r.nulls, 0);
      if (conversions + nulls === 0) continue;
      const probability = attribute(rows, ['MARKOV']).MARKOV?.conversionProbability;
      expect(probability, `trial ${trial}`).toBeCloseTo(conversions / (conversions + nulls), 12);
    }
  });

  it('holds with more channels than the initial capacity and paths longer than the scratch buffers', () => {
    const random = seededRandom(6);
    const channels = Array.from({ length: 40 }, (_, i) => `channel-${i}`);
    const rows = Array.from({ length: 300 }, () => randomPathRow(random, channels, 120));
    const result = attribute(rows, ['LINEAR', 'SHAPLEY', 'MARKOV']);
    const conversions = rows.reduce((s, r) => s + r.conversions, 0);
    const nulls = rows.reduce((s, r) => s + r.nulls, 0);
    for (const model of ['LINEAR', 'SHAPLEY', 'MARKOV'] as const) {
      expect(sumOf(result[model]).conversions, model).toBeCloseTo(conversions, 9);
    }
    expect(result.LINEAR?.channels).toHaveLength(40);
    expect(result.MARKOV?.conversionProbability).toBeCloseTo(conversions / (conversions + nulls), 12);
  });
});
