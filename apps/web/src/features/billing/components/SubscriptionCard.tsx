import { useState } from 'react';
import { Badge, type BadgeTone } from '../../../components/ui/Badge.js';
import { ButtonLink } from '../../../components/ui/Button.js';
import { Card } from '../../../components/ui/Card.js';
import { EmptyState, ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { useCurrentSubscriptionQuery } from '../../../gql/hooks.js';
import { formatDay } from '../../../lib/format.js';
import { ManageBillingButton } from './ManageBillingButton.js';

const STATUS_TONES: Record<string, BadgeTone> = {
  active: 'success',
  trialing: 'primary',
  past_due: 'warning',
  unpaid: 'danger',
  canceled: 'neutral',
};

export function SubscriptionCard() {
  const { data, loading, error, refetch } = useCurrentSubscriptionQuery({ fetchPolicy: 'cache-and-network' });
  const [portalError, setPortalError] = useState<unknown>(null);
  const subscription = data?.subscription;

  return (
    <Card title="Billing" subtitle="Your subscription, invoices and payment method" aria-label="Billing" actions={subscription ? <ManageBillingButton onError={setPortalError} /> : undefined}>
      {portalError != null && <ErrorAlert error={portalError} />}
      {error && !data && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !data && <LoadingState />}
      {data && !subscription && (
        <EmptyState title="You are on the Free plan" action={<ButtonLink to="/pricing" size="sm">See plans</ButtonLink>}>
          No subscription and nothing to pay. Upgrade for more runs, models and a longer lookback.
        </EmptyState>
      )}
      {subscription && (
        <dl className="grid grid--3" style={{ margin: 0 }}>
          <div>
            <dt className="stat__label">Plan</dt>
            <dd style={{ margin: 0 }}>{subscription.planTier}</dd>
          </div>
          <div>
            <dt className="stat__label">Status</dt>
            <dd style={{ margin: 0 }}>
              <Badge tone={STATUS_TONES[subscription.status] ?? 'neutral'}>{subscription.status.replace('_', ' ')}</Badge>
            </dd>
          </div>
          <div>
            <dt className="stat__label">{subscription.cancelAtPeriodEnd ? 'Ends on' : 'Renews on'}</dt>
            <dd style={{ margin: 0 }}>{formatDay(subscription.currentPeriodEnd)}</dd>
          </div>
        </dl>
      )}
    </Card>
  );
}
