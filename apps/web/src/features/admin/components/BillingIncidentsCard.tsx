import { Badge } from '../../../components/ui/Badge.js';
import { Button } from '../../../components/ui/Button.js';
import { Card } from '../../../components/ui/Card.js';
import { EmptyState, ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { Table, type Column } from '../../../components/ui/Table.js';
import { useBillingIncidentsQuery } from '../../../gql/hooks.js';
import { usePlanNames } from '../../billing/index.js';
import { formatDateTime, formatMoney } from '../../../lib/format.js';

const KINDS: Record<string, string> = { DUPLICATE_SUBSCRIPTION: 'Duplicate subscription' };

const INCIDENT_COLUMNS: readonly Column[] = [
  { label: 'When' },
  { label: 'What happened' },
  { label: 'Plan' },
  { label: 'Refunded', numeric: true },
];

/** What billing repaired on its own (a second subscription cancelled and refunded), so admins can tell the customer. */
export function BillingIncidentsCard() {
  const { data, loading, error, refetch } = useBillingIncidentsQuery({
    variables: { limit: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const nameOf = usePlanNames();
  const incidents = data?.billingIncidents;

  return (
    <Card
      title="Billing incidents"
      subtitle="Problems billing found and repaired, such as a second subscription cancelled and refunded"
      aria-label="Billing incidents"
      actions={
        <Button variant="secondary" size="sm" onClick={() => void refetch()}>
          Refresh
        </Button>
      }
    >
      {error && !incidents && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !incidents && <LoadingState />}
      {incidents && incidents.length === 0 && (
        <EmptyState title="No billing incidents">Your organization has never been charged twice.</EmptyState>
      )}
      {incidents && incidents.length > 0 && (
        <Table label="Billing incidents" columns={INCIDENT_COLUMNS}>
          {incidents.map((incident) => (
            <tr key={incident.id}>
              <td className="nowrap">{formatDateTime(incident.createdAt)}</td>
              <td className="detail">
                <Badge tone="warning">{KINDS[incident.kind] ?? incident.kind.replaceAll('_', ' ').toLowerCase()}</Badge>
                <div>{incident.detail}</div>
              </td>
              <td>{incident.planTier ? nameOf(incident.planTier) : '—'}</td>
              <td className="num">
                {incident.refundedCents > 0 ? (
                  formatMoney(incident.refundedCents)
                ) : (
                  <span className="muted">pending</span>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
