// Channels × models: each cell is the share a model gives the channel of the report's total conversions and value.
import type { AttributionModel } from '../../../gql/graphql.js';

interface Amount {
  readonly conversions: number;
  readonly value: number;
}

export interface ModelCredits {
  readonly model: AttributionModel;
  readonly channels: readonly (Amount & { readonly channel: string })[];
  readonly totals: Amount;
}

export interface Share {
  /** Fractions of the model's totals, 0–1 (a model that credits nothing has 0 everywhere). */
  readonly conversions: number;
  readonly value: number;
  readonly credit: Amount;
}

export interface ComparisonRow {
  readonly channel: string;
  readonly shares: ReadonlyMap<AttributionModel, Share>;
}

export interface Comparison {
  readonly models: readonly AttributionModel[];
  readonly rows: readonly ComparisonRow[];
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

export function compareModels(credits: readonly ModelCredits[]): Comparison {
  const byChannel = new Map<string, Map<AttributionModel, Share>>();
  for (const { model, channels, totals } of credits) {
    for (const credit of channels) {
      const shares = byChannel.get(credit.channel) ?? new Map<AttributionModel, Share>();
      shares.set(model, {
        conversions: ratio(credit.conversions, totals.conversions),
        value: ratio(credit.value, totals.value),
        credit,
      });
      byChannel.set(credit.channel, shares);
    }
  }
  const rows = [...byChannel].map(([channel, shares]) => ({ channel, shares }));
  const models = credits.map((entry) => entry.model);
  return { models, rows: sortRows(rows, models[0] ?? null, 'descending') };
}

export type SortDirection = 'ascending' | 'descending';

/** By one model's conversion share (channel name breaks ties and orders the rest), or by name without one. */
export function sortRows(
  rows: readonly ComparisonRow[],
  model: AttributionModel | null,
  direction: SortDirection,
): ComparisonRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const share = (row: ComparisonRow) => (model ? (row.shares.get(model)?.conversions ?? 0) : 0);
  return [...rows].sort(
    (a, b) => sign * (share(a) - share(b)) || sign * (model ? -1 : 1) * a.channel.localeCompare(b.channel),
  );
}

const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export function formatShare(fraction: number): string {
  return percent.format(fraction);
}

/** Report values in the organization's currency (ISO 4217), to the cent. */
export function formatValue(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
}
