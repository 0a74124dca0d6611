import { ButtonLink } from '../../../components/ui/Button.js';
import { Badge } from '../../../components/ui/Badge.js';
import { Card } from '../../../components/ui/Card.js';
import { ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { useCurrentPlanQuery } from '../../../gql/hooks.js';
import { formatPriceMonthly } from '../../../lib/format.js';
import { PlanFeatures } from './PlanFeatures.js';

export function CurrentPlanCard() {
  const { data, loading, error, refetch } = useCurrentPlanQuery({ fetchPolicy: 'cache-and-network' });
  const plan = data?.plan;

  return (
    <Card
      title="Current plan"
      subtitle="What your organization can do this period"
      aria-label="Current plan"
      actions={plan && plan.tier !== 'SCALE' ? <ButtonLink to="/pricing" size="sm">Upgrade</ButtonLink> : undefined}
    >
      {error && !plan && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !plan && <LoadingState />}
      {plan && (
        <div className="stack">
          <div className="row">
            <span className="stat__value" data-testid="plan-name">
              {plan.name}
            </span>
            <Badge tone="primary">{plan.tier}</Badge>
            <span className="muted">{plan.priceMonthlyCents === 0 ? 'Free forever' : `${formatPriceMonthly(plan.priceMonthlyCents)} / month`}</span>
          </div>
          <PlanFeatures limits={plan.limits} />
        </div>
      )}
    </Card>
  );
}
