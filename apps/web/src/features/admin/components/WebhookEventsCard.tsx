import { Badge, type BadgeTone } from '../../../components/ui/Badge.js';
import { Button } from '../../../components/ui/Button.js';
import { Card } from '../../../components/ui/Card.js';
import { EmptyState, ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { Table, type Column } from '../../../components/ui/Table.js';
import { useReplayWebhookEventMutation, useWebhookEventsQuery } from '../../../gql/hooks.js';
import { formatDateTime } from '../../../lib/format.js';

const STATUS_TONES: Record<string, BadgeTone> = {
  processed: 'success',
  ignored: 'neutral',
  received: 'primary',
  processing: 'primary',
  failed: 'danger',
};

const EVENT_COLUMNS: readonly Column[] = [
  { label: 'Event' },
  { label: 'Status' },
  { label: 'Attempts', numeric: true },
  { label: 'Outcome' },
  { label: 'Received' },
  { label: '', numeric: true },
];

export function WebhookEventsCard() {
  const { data, loading, error, refetch } = useWebhookEventsQuery({
    variables: { limit: 50 },
    fetchPolicy: 'cache-and-network',
  });
  const [replay, replaying] = useReplayWebhookEventMutation();
  const events = data?.webhookEvents;

  return (
    <Card
      title="Stripe webhook events"
      subtitle="What Stripe told us about your subscription, and how it was applied"
      aria-label="Webhook events"
      actions={
        <Button variant="secondary" size="sm" onClick={() => void refetch()}>
          Refresh
        </Button>
      }
    >
      {replaying.error && <ErrorAlert error={replaying.error} />}
      {error && !events && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !events && <LoadingState />}
      {events && events.length === 0 && (
        <EmptyState title="No webhook events yet">They appear here once you subscribe to a paid plan.</EmptyState>
      )}
      {events && events.length > 0 && (
        <Table label="Webhook events" columns={EVENT_COLUMNS}>
          {events.map((event) => (
            <tr key={event.id}>
              <td>
                <code>{event.type}</code>
              </td>
              <td>
                <Badge tone={STATUS_TONES[event.status] ?? 'neutral'}>{event.status}</Badge>
              </td>
              <td className="num">{event.attempts}</td>
              <td
                className={event.error ? 'detail' : 'detail muted'}
                style={event.error ? { color: 'var(--color-danger)' } : undefined}
              >
                {event.error ?? event.result ?? '—'}
              </td>
              <td className="nowrap">{formatDateTime(event.receivedAt)}</td>
              <td className="num">
                {event.status === 'failed' && (
                  <Button
                    variant="secondary"
                    size="sm"
                    busy={replaying.loading}
                    onClick={() => void replay({ variables: { id: event.id } }).catch(() => null)}
                  >
                    Replay
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
