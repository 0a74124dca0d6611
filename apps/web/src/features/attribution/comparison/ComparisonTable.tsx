import { useState } from 'react';
import type { AttributionModel } from '../../../gql/graphql.js';
import { formatCredit } from '../../../lib/format.js';
import { MODEL_LABELS } from '../model-catalog.js';
import { formatShare, formatValue, sortRows, type Comparison, type SortDirection } from './comparison.js';
import { modelTotals } from './comparison-totals.js';

interface SortState {
  readonly model: AttributionModel | null;
  readonly direction: SortDirection;
}

/**
 * Channels as rows, models as columns; each cell the channel's share of the model's conversions and of its
 * value (in the organization's currency), with a totals row. Every model heading is a sort button; on phones
 * each channel becomes a card (comparison.css).
 */
export function ComparisonTable({ comparison, currency = 'USD' }: { comparison: Comparison; currency?: string }) {
  const [sort, setSort] = useState<SortState>({ model: comparison.models[0] ?? null, direction: 'descending' });
  const rows = sortRows(comparison.rows, sort.model, sort.direction);
  const totals = modelTotals(comparison);

  function sortBy(model: AttributionModel | null) {
    setSort((current) =>
      current.model === model
        ? { model, direction: current.direction === 'descending' ? 'ascending' : 'descending' }
        : { model, direction: model ? 'descending' : 'ascending' },
    );
  }

  const ariaSort = (model: AttributionModel | null) => (sort.model === model ? sort.direction : 'none');
  const arrow = (model: AttributionModel | null) =>
    sort.model === model ? (sort.direction === 'descending' ? '↓' : '↑') : '↕';

  return (
    <div className="comparison-wrap" role="group" aria-label="Model comparison" tabIndex={0}>
      <table className="table comparison">
        <caption className="comparison__caption">
          Share of conversions (and of value) each model gives a channel. Select a heading to sort.
        </caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={ariaSort(null)}>
              <button type="button" className="comparison__sort" onClick={() => sortBy(null)}>
                Channel <span aria-hidden="true">{arrow(null)}</span>
              </button>
            </th>
            {comparison.models.map((model) => (
              <th key={model} scope="col" className="num" aria-sort={ariaSort(model)}>
                <button type="button" className="comparison__sort" onClick={() => sortBy(model)}>
                  {MODEL_LABELS[model]} <span aria-hidden="true">{arrow(model)}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.channel}>
              <th scope="row" className="comparison__channel">
                {row.channel}
              </th>
              {comparison.models.map((model) => {
                const share = row.shares.get(model);
                return (
                  <td key={model} className="num" data-label={MODEL_LABELS[model]}>
                    <span className="comparison__share">{formatShare(share?.conversions ?? 0)}</span>
                    <span className="comparison__value">
                      {' '}
                      {formatCredit(share?.credit.conversions ?? 0)} conv. ·{' '}
                      {formatValue(share?.credit.value ?? 0, currency)} ({formatShare(share?.value ?? 0)} of value)
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="comparison__totals">
            <th scope="row" className="comparison__channel">
              Total
            </th>
            {comparison.models.map((model) => {
              const total = totals.get(model);
              return (
                <td key={model} className="num" data-label={MODEL_LABELS[model]}>
                  <span className="comparison__share">{formatShare(total?.conversionShare ?? 0)}</span>
                  <span className="comparison__value">
                    {' '}
                    {formatCredit(total?.conversions ?? 0)} conv. · {formatValue(total?.value ?? 0, currency)} (
                    {formatShare(total?.valueShare ?? 0)} of value)
                  </span>
                </td>
              );
            })}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
