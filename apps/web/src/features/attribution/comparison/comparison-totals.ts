// The comparison table's totals row: each model's column summed.
import type { AttributionModel } from '../../../gql/graphql.js';
import type { Comparison, ComparisonRow } from './comparison.js';

export interface ModelTotal {
  readonly conversions: number;
  readonly value: number;
  /** Sums of the channels' shares: 1 (100%) whenever the model credited anything. */
  readonly conversionShare: number;
  readonly valueShare: number;
}

/** Each model's column summed: the absolute credit it handed out, and its shares (which add up to 100%). */
export function modelTotals(comparison: Comparison): Map<AttributionModel, ModelTotal> {
  const add = (rows: readonly ComparisonRow[], model: AttributionModel): ModelTotal =>
    rows.reduce<ModelTotal>(
      (sum, row) => {
        const share = row.shares.get(model);
        return {
          conversions: sum.conversions + (share?.credit.conversions ?? 0),
          value: sum.value + (share?.credit.value ?? 0),
          conversionShare: sum.conversionShare + (share?.conversions ?? 0),
          valueShare: sum.valueShare + (share?.value ?? 0),
        };
      },
      { conversions: 0, value: 0, conversionShare: 0, valueShare: 0 },
    );
  return new Map(comparison.models.map((model) => [model, add(comparison.rows, model)]));
}
