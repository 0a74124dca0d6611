import { EmptyState, ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { useAttributionReportQuery } from '../../../gql/hooks.js';
import { ReportView } from './ReportView.js';

/** The report a `/attribution/reports/:id` address names; an unknown id says so instead. */
export function OpenReport({ id }: { id: string }) {
  const { data, error, refetch } = useAttributionReportQuery({ variables: { id } });
  if (error && !data) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState label="Loading the report…" />;
  if (!data.attributionReport)
    return (
      <EmptyState title="Report not found">
        No report of your organization has this address: it may be mistyped, or belong to another organization.
      </EmptyState>
    );
  return <ReportView report={data.attributionReport} />;
}
