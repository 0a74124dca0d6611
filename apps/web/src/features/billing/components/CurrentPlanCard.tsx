import { Link } from 'react-router';
import { ButtonLink } from '../../../components/ui/Button.js';
import { Card } from '../../../components/ui/Card.js';
import { ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { useBillingAccountQuery, useCurrentPlanQuery, usePlansQuery } from '../../../gql/hooks.js';
import { formatDay, formatPriceMonthly } from '../../../lib/format.js';
import { usePlanNames } from '../hooks/usePlanNames.js';
import { isPaymentNeeded } from '../subscription-summary.js';
import { PlanFeatures } from './PlanFeatures.js';

export function CurrentPlanCard() {
  const { data, loading, error, refetch } = useCurrentPlanQuery({ fetchPolicy: 'cache-and-network' });
  const plan = data?.plan;
  const subscription = useBillingAccountQuery({ fetchPolicy: 'cache-and-network' }).data?.billingAccount.subscription;
  const paymentNeeded = subscription != null && isPaymentNeeded(subscription);
  // The catalog, not a tier name, says whether there is a plan above this one.
  const plans = usePlansQuery().data?.plans;
  const nameOf = usePlanNames();
  const canUpgrade =
    plan != null && (plans?.some((offer) => offer.priceMonthlyCents > plan.priceMonthlyCents) ?? false);

  return (
    <Card
      title="Current plan"
      subtitle="What your organization can do this period"
      aria-label="Current plan"
      actions={
        canUpgrade ? (
          <ButtonLink to="/pricing" size="sm">
            Upgrade
          </ButtonLink>
        ) : undefined
      }
    >
      {error && !plan && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !plan && <LoadingState />}
      {plan && (
        <div className="stack">
          <div className="row">
            <span className="stat__value" data-testid="plan-name">
              {plan.name}
            </span>
            {paymentNeeded && (
              <Link to="/settings" className="badge badge--warning">
                Payment needed
              </Link>
            )}
            <span className="muted">
              {plan.priceMonthlyCents === 0 ? 'Free forever' : `${formatPriceMonthly(plan.priceMonthlyCents)} / month`}
            </span>
            {subscription?.access === 'PAID' && (subscription.scheduledChange || subscription.cancelAt) && (
              <span className="badge badge--warning" data-testid="plan-ending">
                {subscription.scheduledChange
                  ? `${nameOf(subscription.scheduledChange.planTier)} from ${formatDay(subscription.scheduledChange.effectiveAt)}`
                  : `Ends ${formatDay(subscription.cancelAt ?? '')}`}
              </span>
            )}
          </div>
          <PlanFeatures limits={plan.limits} />
        </div>
      )}
    </Card>
  );
}
