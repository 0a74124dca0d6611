import { useId, useMemo } from 'react';
import { EmptyState } from '../../../components/ui/States.js';
import type { AttributionReportFieldsFragment } from '../../../gql/graphql.js';
import { formatCount, formatDateTime, formatDay, formatQuantity } from '../../../lib/format.js';
import { compareModels } from './comparison.js';
import { ComparisonTable } from './ComparisonTable.js';
import { KpiTiles } from './KpiTiles.js';
import { ShareChart } from './ShareChart.js';
import './comparison.css';

function windowText({ from, to }: AttributionReportFieldsFragment): string {
  if (!from && !to) return 'all stored journeys';
  return `${from ? formatDay(from) : 'the first journey'} – ${to ? formatDay(to) : 'now'}`;
}

/** One report: its totals, then every model side by side as a chart and a sortable table. */
export function ReportView({ report }: { report: AttributionReportFieldsFragment }) {
  const comparison = useMemo(() => compareModels(report.credits), [report.credits]);
  const tableId = useId();
  return (
    <div className="stack">
      <div className="row row--between">
        <h2 className="card__title" id={`${tableId}-title`}>
          Report of {formatDateTime(report.createdAt)}
        </h2>
        <span className="muted">
          {windowText(report)} · {formatQuantity(report.journeyCount, 'journey')} ·{' '}
          {formatQuantity(report.pathRowCount, 'path row')} · {formatCount(Math.round(report.durationMs))} ms
        </span>
      </div>
      <KpiTiles
        label="Report totals"
        kpis={{
          journeys: report.journeyCount,
          pathRows: report.pathRowCount,
          conversions: report.totals.conversions,
          value: report.totals.value,
          currency: report.currency,
        }}
      />
      {comparison.rows.length === 0 ? (
        <EmptyState title="No credit to show">No converted journeys fell inside the window.</EmptyState>
      ) : (
        <>
          <ShareChart comparison={comparison} describedBy={tableId} />
          <div id={tableId}>
            <ComparisonTable comparison={comparison} currency={report.currency} />
          </div>
        </>
      )}
    </div>
  );
}
