import { Button, ButtonLink } from '../../../components/ui/Button.js';
import { Alert, ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import type { PlanTier } from '../../../gql/graphql.js';
import { usePlansQuery } from '../../../gql/hooks.js';
import { formatDay } from '../../../lib/format.js';
import { planActionFor, type PlanAction, type PlanSelection, type ViewerBilling } from '../plan-actions.js';
import { PlanCard } from './PlanCard.js';

export function PricingPlans({ viewer, selection }: { viewer: ViewerBilling | null; selection: PlanSelection }) {
  const { data, loading, error, refetch } = usePlansQuery();

  if (error && !data) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (loading || !data) return <LoadingState label="Loading plans…" />;

  const order = data.plans.map((plan) => plan.tier);
  const changed = selection.changed;
  return (
    <div className="stack">
      {selection.error != null && <ErrorAlert error={selection.error} />}
      {changed && (
        <Alert tone="success">
          {changed.cancelAtPeriodEnd
            ? `Your subscription ends on ${formatDay(changed.currentPeriodEnd)}; you keep your plan until then.`
            : `Your subscription is now on ${changed.planTier}.`}
        </Alert>
      )}
      <div className="grid grid--3">
        {data.plans.map((plan) => {
          const action = planActionFor(plan.tier, viewer, order);
          return (
            <PlanCard
              key={plan.tier}
              plan={plan}
              current={action.kind === 'current'}
              action={<PlanButton tier={plan.tier} name={plan.name} action={action} selection={selection} />}
            />
          );
        })}
      </div>
    </div>
  );
}

function PlanButton({ tier, name, action, selection }: { tier: PlanTier; name: string; action: PlanAction; selection: PlanSelection }) {
  switch (action.kind) {
    case 'sign-up':
      return (
        <ButtonLink to={`/signup?next=${encodeURIComponent('/pricing')}`} block>
          Get started
        </ButtonLink>
      );
    case 'current':
      return (
        <Button variant="secondary" block disabled>
          Your current plan
        </Button>
      );
    default:
      return (
        <Button
          variant={action.label === 'Upgrade' ? 'primary' : 'secondary'}
          block
          busy={selection.pendingTier === tier}
          onClick={() => selection.select(tier, action)}
        >
          {action.label} to {name}
        </Button>
      );
  }
}
