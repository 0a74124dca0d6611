import {
  ATTRIBUTION_MODEL_IDS,
  AttributionAccumulator,
  JOURNEYS_HEADER,
  type AttributionModelId,
  type AttributionResult,
  type Milestone,
} from '@aa/attribution';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { textUpload } from './import-upload.js';
import type { ReportScope } from './journey-feed.store.js';
import { splitWindow } from './window-split.js';
import { JourneyStore } from './journey.store.js';
import { TestSubscriptions } from './test-fixtures.js';

/*
 * Reports from the path aggregates equal the full (streamed) computation over the same journeys, for
 * every model, on seeded random data: after tracking, importing, replacing an import, deleting by
 * import, by range and all, and with journeys tracked while reports fold.
 */

const BASE = Date.parse('2026-03-01T00:00:00Z');
const DAY = 86_400_000;
const CHANNELS = ['search', 'email', 'social', 'direct', 'display', 'referral'];
const MODELS: AttributionModelId[] = [...ATTRIBUTION_MODEL_IDS];

let t: TestApp;
let store: JourneyStore;
const subscriptions = new TestSubscriptions({ start: new Date(BASE - 60 * DAY), end: new Date(BASE + 90 * DAY) });

beforeAll(async () => {
  t = await startTestApp({ subscriptions });
  store = new JourneyStore(t.app.orm);
});
afterAll(() => t.stop());

/** mulberry32: the same journeys on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface GeneratedJourney {
  touches: Array<{ channel: string; at: Date; milestone: Milestone | null }>;
  convertedAt: Date | null;
  value: number;
}

/** Conversions spread over 30 days at random milliseconds; touches up to 40 days before (beyond short lookbacks). */
function journeys(seed: number, count: number, converting = 0.75): GeneratedJourney[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, () => {
    const end = BASE + Math.floor(next() * 30 * DAY);
    const length = 1 + Math.floor(next() * 5);
    const ages = Array.from({ length }, () => Math.floor(next() * (next() < 0.2 ? 40 : 6) * DAY)).sort((a, b) => b - a);
    const touches = ages.map((age) => {
      const roll = next();
      const milestone: Milestone | null = roll < 0.15 ? 'lead' : roll < 0.25 ? 'opportunity' : null;
      return { channel: pick(CHANNELS), at: new Date(end - age), milestone };
    });
    const converts = next() < converting;
    return {
      touches,
      convertedAt: converts ? new Date(end) : null,
      value: converts ? Math.round(next() * 10_000) / 100 : 0,
    };
  });
}

function csvOf(list: readonly GeneratedJourney[], prefix: string): string {
  const lines = [JOURNEYS_HEADER];
  list.forEach((journey, index) => {
    for (const touch of journey.touches) {
      const converted = journey.convertedAt?.toISOString() ?? '';
      const value = journey.convertedAt ? String(journey.value) : '';
      lines.push(
        `${prefix}-${index},${touch.channel},${touch.at.toISOString()},${touch.milestone ?? ''},${converted},${value}`,
      );
    }
  });
  return `${lines.join('\n')}\n`;
}

async function scaleOrganization(): Promise<string> {
  const user = await t.signUp();
  subscriptions.subscribe(user.organizationId, 'SCALE');
  return user.organizationId;
}

async function track(organizationId: string, list: readonly GeneratedJourney[]): Promise<void> {
  const entitlements = await t.app.services.entitlements.forOrganization(organizationId);
  for (const journey of list) {
    if (!journey.convertedAt) continue;
    const input = { touches: journey.touches, convertedAt: journey.convertedAt, value: journey.value, models: [] };
    await t.app.services.attribution.journeys.track(organizationId, entitlements, input);
  }
}

async function importCsv(organizationId: string, csv: string, replace = false) {
  const entitlements = await t.app.services.entitlements.forOrganization(organizationId);
  return t.app.services.attribution.imports.import(organizationId, entitlements, textUpload(csv), {
    fileName: 'journeys.csv',
    replace,
  });
}

const SCOPES: Array<Omit<ReportScope, 'models'>> = [
  { from: null, to: null, lookbackDays: 180 },
  { from: null, to: null, lookbackDays: 3 },
  { from: new Date(BASE + 5.5 * DAY + 1234), to: new Date(BASE + 21.25 * DAY), lookbackDays: 10 },
  { from: new Date(BASE + 7 * DAY), to: new Date(BASE + 20 * DAY), lookbackDays: 30 },
  { from: new Date(BASE + 9 * DAY + 1), to: null, lookbackDays: 60 },
  { from: null, to: new Date(BASE + 12 * DAY - 1), lookbackDays: 1 },
  { from: new Date(BASE + 3.2 * DAY), to: new Date(BASE + 3.9 * DAY), lookbackDays: 180 },
];

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

/** Differences between two results, model by model and channel by channel (empty when equal within rounding). */
function differences(actual: AttributionResult, expected: AttributionResult): string[] {
  const found: string[] = [];
  for (const model of MODELS) {
    const a = actual[model];
    const e = expected[model];
    if (!a || !e) {
      found.push(`${model}: missing`);
      continue;
    }
    const amounts = (
      label: string,
      x: { conversions: number; value: number },
      y: { conversions: number; value: number },
    ) => {
      if (!close(x.conversions, y.conversions) || !close(x.value, y.value))
        found.push(`${model} ${label}: ${JSON.stringify(x)} != ${JSON.stringify(y)}`);
    };
    amounts('totals', a.totals, e.totals);
    amounts('unattributed', a.unattributed, e.unattributed);
    const channels = new Set([...a.channels, ...e.channels].map((credit) => credit.channel));
    for (const channel of channels) {
      const zero = { conversions: 0, value: 0 };
      amounts(
        channel,
        a.channels.find((credit) => credit.channel === channel) ?? zero,
        e.channels.find((credit) => credit.channel === channel) ?? zero,
      );
    }
  }
  return found;
}

async function report(organizationId: string, scope: Omit<ReportScope, 'models'>, streamed: boolean) {
  const accumulator = new AttributionAccumulator(MODELS, { lookbackDays: scope.lookbackDays });
  const full = { ...scope, models: MODELS };
  const counts = streamed
    ? await store.feedStreamed(organizationId, full, accumulator)
    : await store.feed(organizationId, full, accumulator);
  return { counts, result: accumulator.result() };
}

/** Every scope: the aggregated report and summary equal the streamed ones; returns how many journeys were read. */
async function expectEqualToStreamed(organizationId: string): Promise<number> {
  let read = 0;
  for (const scope of SCOPES) {
    const aggregated = await report(organizationId, scope, false);
    const streamed = await report(organizationId, scope, true);
    expect(aggregated.counts).toEqual(streamed.counts);
    expect(differences(aggregated.result, streamed.result)).toEqual([]);
    const summary = await store.summarize(organizationId, scope);
    const streamedSummary = await store.summarizeStreamed(organizationId, scope);
    expect(summary.storedJourneys).toBe(streamedSummary.storedJourneys);
    expect(summary.conversions).toBe(streamedSummary.conversions);
    expect(close(summary.value, streamedSummary.value)).toBe(true);
    expect(summary.storedJourneys).toBe(streamed.counts.journeyCount);
    read += aggregated.counts.journeyCount;
  }
  return read;
}

/** The aggregates hold exactly the journeys that are not waiting to be folded. */
async function expectAggregatesComplete(organizationId: string): Promise<void> {
  const [row] = await t.sql<{ aggregated: number; totals: number; folded: number }>(
    `select (select coalesce(sum(journeys), 0) from journey_path_day where organization_id = ?)::int as aggregated,
       (select coalesce(sum(journeys), 0) from journey_path_total where organization_id = ?)::int as totals,
       (select count(*) from journey j where j.organization_id = ?
          and not exists (select 1 from journey_unfolded u where u.journey_id = j.id))::int as folded`,
    [organizationId, organizationId, organizationId],
  );
  expect(row!.aggregated).toBe(row!.folded);
  expect(row!.totals).toBe(row!.folded);
}

describe('the window split', () => {
  it('reads whole UTC days from the aggregates and the partial days around them from journeys', () => {
    const split = splitWindow({ from: new Date('2026-03-05T12:00:00Z'), to: new Date('2026-03-09T00:00:00Z') });
    expect(split.days).toEqual({ from: '2026-03-06', to: '2026-03-08', timeless: false });
    expect(
      split.edges.map(({ from, to, toInclusive }) => [from?.toISOString(), to?.toISOString(), toInclusive]),
    ).toEqual([
      ['2026-03-05T12:00:00.000Z', '2026-03-06T00:00:00.000Z', false],
      ['2026-03-09T00:00:00.000Z', '2026-03-09T00:00:00.000Z', true],
    ]);
    expect(
      splitWindow({ from: new Date('2026-03-05T01:00:00Z'), to: new Date('2026-03-05T23:00:00Z') }).days,
    ).toBeNull();
    expect(splitWindow({ from: null, to: null })).toEqual({
      days: { from: null, to: null, timeless: true },
      edges: [],
    });
  });
});

describe('reports from path aggregates', () => {
  it('equal the streamed computation for every model across tracking, imports, replacement and deletions', async () => {
    const organizationId = await scaleOrganization();
    await track(organizationId, journeys(1, 60));
    expect(await expectEqualToStreamed(organizationId)).toBeGreaterThan(0);
    await expectAggregatesComplete(organizationId);

    const first = csvOf(journeys(2, 250, 0.7), 'a');
    const imported = await importCsv(organizationId, first);
    await expectEqualToStreamed(organizationId);
    const replaced = await importCsv(organizationId, first, true);
    expect(replaced.replacedImportId).toBe(imported.id);
    await expectEqualToStreamed(organizationId);

    const second = await importCsv(organizationId, csvOf(journeys(3, 150, 0.6), 'b'));
    await track(organizationId, journeys(4, 20)); // unfolded when the deletion runs
    await t.app.services.attribution.imports.deleteImport(organizationId, second.id);
    await expectEqualToStreamed(organizationId);
    await expectAggregatesComplete(organizationId);

    await track(organizationId, journeys(5, 20));
    const deleted = await t.app.services.attribution.imports.deleteInWindow(organizationId, {
      from: new Date(BASE + 10.5 * DAY),
      to: new Date(BASE + 16 * DAY),
    });
    expect(deleted.journeys).toBeGreaterThan(0);
    await expectEqualToStreamed(organizationId);
    await expectAggregatesComplete(organizationId);

    await track(organizationId, journeys(6, 10));
    await t.app.services.attribution.imports.deleteAll(organizationId);
    const [left] = await t.sql<{ rows: number }>(
      'select count(*)::int as rows from journey_path_day where organization_id = ?',
      [organizationId],
    );
    expect(left!.rows).toBe(0);
    await importCsv(organizationId, csvOf(journeys(7, 50), 'c'));
    await expectEqualToStreamed(organizationId);
  });

  it('count every journey once while journeys are tracked and reports fold on many connections', async () => {
    const organizationId = await scaleOrganization();
    await track(organizationId, journeys(8, 30, 1));
    const tracked = journeys(9, 160, 1);
    const lanes = 4;
    const seen: number[] = [];
    await Promise.all([
      ...Array.from({ length: lanes }, (_, lane) =>
        track(
          organizationId,
          tracked.filter((_, index) => index % lanes === lane),
        ),
      ),
      ...Array.from({ length: 3 }, async () => {
        for (let round = 0; round < 6; round++) {
          const { counts } = await report(organizationId, SCOPES[0]!, false);
          seen.push(counts.journeyCount);
        }
      }),
    ]);
    const [stored] = await t.sql<{ count: number }>(
      'select count(*)::int as count from journey where organization_id = ?',
      [organizationId],
    );
    expect(stored!.count).toBe(30 + 160);
    // Each concurrent report read a consistent prefix: never more journeys than exist, never fewer than before.
    for (const count of seen) expect(count).toBeGreaterThanOrEqual(30);
    for (const count of seen) expect(count).toBeLessThanOrEqual(190);
    const final = await report(organizationId, SCOPES[0]!, false);
    expect(final.counts.journeyCount).toBe(190);
    await expectAggregatesComplete(organizationId);
    await expectEqualToStreamed(organizationId);
  });
});
