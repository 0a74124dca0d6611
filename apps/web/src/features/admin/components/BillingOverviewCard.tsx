import { Card } from '../../../components/ui/Card.js';
import { ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { useBillingOverviewQuery } from '../../../gql/hooks.js';
import { usePlanNames } from '../../billing/index.js';
import { formatCount, formatMoney } from '../../../lib/format.js';

/** Revenue and subscribers of the whole platform: rendered for operators only (the API refuses others). */
export function BillingOverviewCard() {
  const { data, loading, error, refetch } = useBillingOverviewQuery({ fetchPolicy: 'cache-and-network' });
  const nameOf = usePlanNames();
  const overview = data?.billingOverview;

  return (
    <Card
      title="Billing overview"
      subtitle="All organizations, from the subscriptions billing keeps in step with Stripe"
      aria-label="Billing overview"
    >
      {error && !overview && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !overview && <LoadingState />}
      {overview && (
        <dl className="stat-grid">
          <div>
            <dt className="stat__label">Monthly recurring revenue</dt>
            <dd className="stat__value" data-testid="mrr">
              {formatMoney(overview.monthlyRecurringRevenueCents)}
            </dd>
            <dd className="stat__hint">monthly prices of active subscriptions</dd>
          </div>
          <div>
            <dt className="stat__label">Active subscribers</dt>
            <dd className="stat__value">{formatCount(overview.activeSubscribers)}</dd>
            <dd className="stat__hint">paying, or within their grace period</dd>
          </div>
          {overview.subscribers.map((entry) => (
            <div key={entry.planTier}>
              <dt className="stat__label">{nameOf(entry.planTier)} subscribers</dt>
              <dd className="stat__value">{formatCount(entry.count)}</dd>
              <dd className="stat__hint">on {nameOf(entry.planTier)}</dd>
            </div>
          ))}
          <div>
            <dt className="stat__label">Churn, last 30 days</dt>
            <dd className="stat__value">{formatCount(overview.churnedLast30Days)}</dd>
            <dd className="stat__hint">subscriptions ended</dd>
          </div>
        </dl>
      )}
    </Card>
  );
}
