import { formatCount, formatCredit } from '../../../lib/format.js';
import { formatValue } from './comparison.js';

export interface Kpis {
  readonly journeys: number;
  /** Aggregated rows, shown beside journeys when there are any. */
  readonly pathRows?: number;
  readonly conversions: number;
  readonly value: number;
  readonly currency: string;
}

/** The window's journeys (and path rows), conversions and value, as tiles. */
export function KpiTiles({ kpis, label }: { kpis: Kpis; label: string }) {
  return (
    <dl className="kpi-tiles" aria-label={label}>
      {kpis.journeys > 0 || !kpis.pathRows ? (
        <div className="kpi-tile">
          <dt>Journeys</dt>
          <dd>{formatCount(Math.round(kpis.journeys))}</dd>
        </div>
      ) : null}
      {kpis.pathRows ? (
        <div className="kpi-tile">
          <dt>Path rows</dt>
          <dd>{formatCount(kpis.pathRows)}</dd>
        </div>
      ) : null}
      <div className="kpi-tile">
        <dt>Conversions</dt>
        <dd>{formatCredit(kpis.conversions)}</dd>
      </div>
      <div className="kpi-tile">
        <dt>Value</dt>
        <dd>{formatValue(kpis.value, kpis.currency)}</dd>
      </div>
    </dl>
  );
}
