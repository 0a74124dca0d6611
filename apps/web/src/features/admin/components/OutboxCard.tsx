import { Badge } from '../../../components/ui/Badge.js';
import { Card } from '../../../components/ui/Card.js';
import { EmptyState, ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { useOutboxQuery } from '../../../gql/hooks.js';
import { formatDateTime } from '../../../lib/format.js';

/** Without SMTP_URL the API keeps mail here instead of sending it: dunning notices, for example. */
export function OutboxCard() {
  const { data, loading, error, refetch } = useOutboxQuery({
    variables: { limit: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const messages = data?.outbox;

  return (
    <Card
      title="Mail"
      subtitle="Recent mail to your organization, such as payment-failure notices"
      aria-label="Mail outbox"
    >
      {error && !messages && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !messages && <LoadingState />}
      {messages && messages.length === 0 && (
        <EmptyState title="No mail yet">Billing notices to your owners will be listed here.</EmptyState>
      )}
      {messages?.map((message) => (
        <details key={message.id} className="mail">
          <summary className="row row--between">
            <span>
              <strong>{message.subject}</strong>
              <span className="muted"> — to {message.to.join(', ')}</span>
            </span>
            <span className="row">
              <Badge tone={message.transport === 'smtp' ? 'success' : 'neutral'}>{message.transport}</Badge>
              <span className="muted">{formatDateTime(message.createdAt)}</span>
            </span>
          </summary>
          <pre className="mail__body">{message.body}</pre>
        </details>
      ))}
    </Card>
  );
}
