import { describe, expect, it } from 'vitest';
import { AttributionAccumulator, attribute } from './accumulator.js';
import { AttributionInputError } from './errors.js';
import { ATTRIBUTION_MODEL_IDS } from './model-ids.js';
import { expectCredits, row } from './testing/credit-assertions.js';
import type { Journey, Touch } from './types.js';

const DAY = 86_400_000;
const CONVERTED = Date.UTC(2026, 5, 30);

/** Touches given as [channel, days before the conversion, milestone?]. */
function journey(touches: Array<[string, number, Touch['milestone']?]>, extra: Partial<Journey> = {}): Journey {
  return {
    touches: touches.map(([channel, daysBefore, milestone]) => ({
      channel,
      at: new Date(CONVERTED - daysBefore * DAY),
      ...(milestone ? { milestone } : {}),
    })),
    convertedAt: new Date(CONVERTED),
    ...extra,
  };
}

describe('lookback window', () => {
  it('drops touches earlier than convertedAt − lookback', () => {
    const result = attribute(
      [
        journey([
          ['display', 40],
          ['search', 10],
        ]),
      ],
      ['FIRST_TOUCH'],
      { lookbackDays: 30 },
    );
    expectCredits(result.FIRST_TOUCH, { search: 1 });
  });

  it('keeps a touch exactly lookback days old', () => {
    const result = attribute(
      [
        journey([
          ['display', 30],
          ['search', 10],
        ]),
      ],
      ['FIRST_TOUCH'],
      { lookbackDays: 30 },
    );
    expectCredits(result.FIRST_TOUCH, { display: 1 });
  });

  it('reports a converting journey with no touch left as unattributed, in every model', () => {
    const input = [journey([['display', 90]], { value: 50 }), journey([['search', 1]], { value: 20 })];
    const result = attribute(input, ['LAST_TOUCH', 'MARKOV', 'SHAPLEY'], { lookbackDays: 60 });
    for (const model of ['LAST_TOUCH', 'MARKOV', 'SHAPLEY'] as const) {
      expect(result[model]?.unattributed).toEqual({ conversions: 1, value: 50 });
      expect(result[model]?.totals).toEqual({ conversions: 2, value: 70 });
      expectCredits(result[model], { search: 1 });
    }
  });

  it('does not apply to path rows, which have no timestamps', () => {
    const result = attribute([row('display > search', 1)], ['FIRST_TOUCH'], { lookbackDays: 1 });
    expectCredits(result.FIRST_TOUCH, { display: 1 });
  });
});

describe('TIME_DECAY', () => {
  it('halves the weight every half-life (7 days by default)', () => {
    const result = attribute(
      [
        journey([
          ['display', 7],
          ['search', 0],
        ]),
      ],
      ['TIME_DECAY'],
    );
    expectCredits(result.TIME_DECAY, { display: 1 / 3, search: 2 / 3 });
  });

  it('takes the half-life as an option, with continuous ages', () => {
    const result = attribute(
      [
        journey([
          ['display', 14],
          ['search', 3.5],
        ]),
      ],
      ['TIME_DECAY'],
      { halfLifeDays: 14 },
    );
    const display = 0.5;
    const search = 2 ** -0.25;
    expectCredits(result.TIME_DECAY, { display: display / (display + search), search: search / (display + search) });
  });

  it('refuses path rows with TIMESTAMPS_REQUIRED', () => {
    const accumulator = new AttributionAccumulator(['LINEAR', 'TIME_DECAY']);
    expect(() => accumulator.addPathRow(row('a > b', 1))).toThrowError(
      expect.objectContaining({
        code: 'TIMESTAMPS_REQUIRED',
        message: expect.stringMatching(/TIME_DECAY needs .*timestamps/),
      }),
    );
  });

  it('refuses a converting journey whose touches have no time', () => {
    const untimed: Journey = { touches: [{ channel: 'a' }], convertedAt: CONVERTED };
    expect(() => attribute([untimed], ['TIME_DECAY'])).toThrowError(
      expect.objectContaining({ code: 'TIMESTAMPS_REQUIRED' }),
    );
  });
});

describe('W_SHAPED and FULL_PATH milestones', () => {
  const five = journey([
    ['a', 9],
    ['b', 8],
    ['c', 7, 'lead'],
    ['d', 6, 'opportunity'],
    ['e', 5],
  ]);

  it('W_SHAPED: first, last lead and last opportunity share 90 %, the others 10 %', () => {
    expectCredits(attribute([five], ['W_SHAPED']).W_SHAPED, { a: 0.3, b: 0.05, c: 0.3, d: 0.3, e: 0.05 });
  });

  it('FULL_PATH: the closing touch joins them, four positions get 22.5 % each', () => {
    expectCredits(attribute([five], ['FULL_PATH']).FULL_PATH, { a: 0.225, b: 0.1, c: 0.225, d: 0.225, e: 0.225 });
  });

  it('the last touch marked lead counts, and positions are distinct', () => {
    const j = journey([
      ['a', 9, 'lead'],
      ['b', 8],
      ['c', 7, 'lead'],
      ['d', 6],
    ]);
    expectCredits(attribute([j], ['W_SHAPED']).W_SHAPED, { a: 0.45, b: 0.05, c: 0.45, d: 0.05 });
  });

  it('milestone positions share 100 % when there are no other touches', () => {
    const j = journey([
      ['a', 9],
      ['b', 8, 'lead'],
      ['c', 7, 'opportunity'],
    ]);
    expectCredits(attribute([j], ['W_SHAPED']).W_SHAPED, { a: 1 / 3, b: 1 / 3, c: 1 / 3 });
    expectCredits(attribute([j], ['FULL_PATH']).FULL_PATH, { a: 1 / 3, b: 1 / 3, c: 1 / 3 });
  });

  it('without milestones (path rows): W_SHAPED gives 90 % to the first touch, FULL_PATH 45/45 to first and last', () => {
    const result = attribute([row('a > b > c', 1)], ['W_SHAPED', 'FULL_PATH']);
    expectCredits(result.W_SHAPED, { a: 0.9, b: 0.05, c: 0.05 });
    expectCredits(result.FULL_PATH, { a: 0.45, b: 0.1, c: 0.45 });
  });
});

describe('LAST_NON_DIRECT', () => {
  it('skips trailing direct touches', () => {
    expectCredits(attribute([row('search > direct > direct', 1)], ['LAST_NON_DIRECT']).LAST_NON_DIRECT, { search: 1 });
  });

  it('gives a direct-only journey to direct', () => {
    expectCredits(attribute([row('direct > direct', 2)], ['LAST_NON_DIRECT']).LAST_NON_DIRECT, { direct: 2 });
  });

  it('takes the direct channel as an option', () => {
    const result = attribute([row('search > (none)', 1)], ['LAST_NON_DIRECT'], { directChannel: '(none)' });
    expectCredits(result.LAST_NON_DIRECT, { search: 1 });
  });
});

describe('journey defaults and results', () => {
  it('a journey without convertedAt is one null: it shapes MARKOV but earns no credit', () => {
    const input: Journey[] = [
      journey([
        ['a', 2],
        ['b', 1],
      ]),
      { touches: [{ channel: 'a' }] },
    ];
    const result = attribute(input, ['MARKOV', 'LINEAR']);
    expect(result.MARKOV?.conversionProbability).toBeCloseTo(0.5, 12);
    expectCredits(result.LINEAR, { a: 0.5, b: 0.5 });
    expect(result.LINEAR?.totals).toEqual({ conversions: 1, value: 0 });
  });

  it('sorts channels by conversions desc, then name', () => {
    const result = attribute([row('b', 1), row('a', 1), row('c', 2)], ['LAST_TOUCH']);
    expect(result.LAST_TOUCH?.channels.map((c) => c.channel)).toEqual(['c', 'a', 'b']);
  });

  it('only returns the models asked for', () => {
    expect(Object.keys(attribute([row('a', 1)], ['SHAPLEY', 'LINEAR']))).toEqual(['LINEAR', 'SHAPLEY']);
  });
});

describe('invalid input', () => {
  const cases: Array<[string, () => unknown, string]> = [
    ['a touch after the conversion', () => attribute([journey([['a', -1]])], ['LINEAR']), 'INVALID_JOURNEY'],
    ['a negative value', () => attribute([journey([['a', 1]], { value: -5 })], ['LINEAR']), 'INVALID_JOURNEY'],
    ['an empty channel', () => attribute([row('a > ', 1)], ['LINEAR']), 'INVALID_PATH_ROW'],
    [
      'NaN conversions',
      () => attribute([{ path: ['a'], conversions: Number.NaN, value: 0, nulls: 0 }], ['LINEAR']),
      'INVALID_PATH_ROW',
    ],
    [
      'an invalid date',
      () => attribute([{ touches: [{ channel: 'a' }], convertedAt: new Date('nope') }], ['LINEAR']),
      'INVALID_JOURNEY',
    ],
    ['an unknown model', () => new AttributionAccumulator(['LINEAR', 'NOPE' as 'LINEAR']), 'UNKNOWN_MODEL'],
    ['a zero half-life', () => new AttributionAccumulator(['TIME_DECAY'], { halfLifeDays: 0 }), 'INVALID_OPTIONS'],
  ];
  it.each(cases)('rejects %s with a typed error', (_, run, code) => {
    expect(run).toThrowError(AttributionInputError);
    expect(run).toThrowError(expect.objectContaining({ code }));
  });
});

describe('addJourneyAggregate', () => {
  it('credits like adding each journey of the aggregate, with TIME_DECAY from its precomputed credit', () => {
    const at = Date.parse('2026-03-10T00:00:00Z');
    const day = 86_400_000;
    const touches = [
      { channel: 'search', milestone: 'lead' as const },
      { channel: 'email' },
      { channel: 'social', milestone: 'opportunity' as const },
      { channel: 'email' },
    ];
    const journeys = [
      { ages: [9, 5, 2, 0], value: 30 },
      { ages: [3, 2, 1, 0.5], value: 12.5 },
    ];
    const models = ATTRIBUTION_MODEL_IDS;
    const each = new AttributionAccumulator(models);
    const decay = { conversions: [0, 0, 0, 0], value: [0, 0, 0, 0] };
    for (const { ages, value } of journeys) {
      each.addJourney({
        touches: touches.map((touch, i) => ({ ...touch, at: at - ages[i]! * day })),
        convertedAt: at,
        value,
      });
      const weights = ages.map((age) => 2 ** (-age / 7));
      const total = weights.reduce((sum, w) => sum + w, 0);
      weights.forEach((w, i) => {
        decay.conversions[i]! += w / total;
        decay.value[i]! += (w / total) * value;
      });
    }
    each.addJourney({ touches: touches.map((touch) => ({ ...touch, at })) }); // a null journey
    const aggregated = new AttributionAccumulator(models);
    aggregated.addJourneyAggregate({ touches, conversions: 2, value: 42.5, nulls: 0, timeDecay: decay });
    aggregated.addJourneyAggregate({ touches, conversions: 0, value: 0, nulls: 1 });
    const expected = each.result();
    const actual = aggregated.result();
    for (const model of models) {
      for (const credit of expected[model]!.channels) {
        const found = actual[model]!.channels.find((c) => c.channel === credit.channel)!;
        expect(found.conversions).toBeCloseTo(credit.conversions, 12);
        expect(found.value).toBeCloseTo(credit.value, 12);
      }
      expect(actual[model]!.channels).toHaveLength(expected[model]!.channels.length);
    }
  });

  it('refuses TIME_DECAY without the precomputed credit', () => {
    const accumulator = new AttributionAccumulator(['TIME_DECAY']);
    expect(() =>
      accumulator.addJourneyAggregate({ touches: [{ channel: 'a' }], conversions: 1, value: 1, nulls: 0 }),
    ).toThrow(/precomputed/);
  });
});
