import { useState } from 'react';
import { Badge } from '../../../components/ui/Badge.js';
import { Button } from '../../../components/ui/Button.js';
import { LockIcon } from '../../../components/ui/Icons.js';
import { Card } from '../../../components/ui/Card.js';
import { EmptyState, ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { Table, type Column } from '../../../components/ui/Table.js';
import type { AttributionReportFieldsFragment } from '../../../gql/graphql.js';
import { useAttributionReportsQuery } from '../../../gql/hooks.js';
import { formatDateTime, formatDay } from '../../../lib/format.js';
import { upgradePrompt } from '../../../lib/upgrade-prompt.js';
import { MODEL_LABELS } from '../model-catalog.js';

const PAGE_SIZE = 10;

interface ReportsListProps {
  exportsAllowed: boolean;
  /** The catalog's name of the cheapest plan with CSV exports, named on the lock; null if none has them. */
  exportsPlan: string | null;
  onOpen: (report: AttributionReportFieldsFragment) => void;
}

const REPORT_COLUMNS: readonly Column[] = [
  { label: 'Created' },
  { label: 'Models' },
  { label: 'Window' },
  { label: 'Lookback', numeric: true },
  { label: 'Actions', numeric: true },
];

function windowOf(report: AttributionReportFieldsFragment): string {
  if (!report.from && !report.to) return 'All journeys';
  return `${report.from ? formatDay(report.from) : '…'} – ${report.to ? formatDay(report.to) : 'now'}`;
}

export function ReportsList({ exportsAllowed, exportsPlan, onOpen }: ReportsListProps) {
  // Cursor pagination: a stack of the cursors that opened each page seen so far.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const { data, loading, error, refetch } = useAttributionReportsQuery({
    variables: { first: PAGE_SIZE, after },
    fetchPolicy: 'cache-and-network',
  });
  const page = data?.attributionReports;

  return (
    <Card title="Saved reports" subtitle="Every run is stored and can be opened again." aria-label="Saved reports">
      {error && !page && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !page && <LoadingState />}
      {page && page.edges.length === 0 && (
        <EmptyState title="No reports yet">Run attribution above to create your first report.</EmptyState>
      )}
      {page && page.edges.length > 0 && (
        <Table label="Saved reports" columns={REPORT_COLUMNS}>
          {page.edges.map(({ node }) => (
            <tr key={node.id}>
              <td>{formatDateTime(node.createdAt)}</td>
              <td>
                <div className="row" style={{ gap: 4 }}>
                  {node.models.map((model) => (
                    <Badge key={model}>{MODEL_LABELS[model]}</Badge>
                  ))}
                </div>
              </td>
              <td>{windowOf(node)}</td>
              <td className="num">{node.lookbackDays} d</td>
              <td className="num">
                <div className="row row--end">
                  <Button variant="secondary" size="sm" onClick={() => onOpen(node)}>
                    Open
                  </Button>
                  {exportsAllowed ? (
                    <a className="btn btn--sm btn--ghost" href={`/exports/attribution-reports/${node.id}.csv`} download>
                      CSV
                    </a>
                  ) : (
                    <button
                      type="button"
                      className="lock-button"
                      onClick={() => upgradePrompt.showLocked({ kind: 'exports' })}
                    >
                      <Badge tone="warning">
                        <LockIcon />
                        <span className="sr-only">Locked: </span>
                        {exportsPlan ? `CSV on ${exportsPlan}` : 'No CSV'}
                      </Badge>
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </Table>
      )}
      {page && (cursors.length > 1 || page.pageInfo.hasNextPage) && (
        <div className="pagination">
          <Button
            variant="secondary"
            size="sm"
            disabled={cursors.length === 1}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            Previous
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={!page.pageInfo.hasNextPage}
            onClick={() => setCursors((c) => [...c, page.pageInfo.endCursor ?? null])}
          >
            Next
          </Button>
        </div>
      )}
    </Card>
  );
}
