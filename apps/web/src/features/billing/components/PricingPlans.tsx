import { Button, ButtonLink } from '../../../components/ui/Button.js';
import { Alert, ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import type { PlanTier } from '../../../gql/graphql.js';
import { usePlansQuery } from '../../../gql/hooks.js';
import { formatDay } from '../../../lib/format.js';
import { planActionFor, type PlanAction, type ViewerBilling } from '../plan-actions.js';
import { usePlanSelection } from '../hooks/usePlanSelection.js';
import { PlanCard } from './PlanCard.js';

export function PricingPlans({ viewer }: { viewer: ViewerBilling | null }) {
  const { data, loading, error, refetch } = usePlansQuery();
  const selection = usePlanSelection();

  if (error && !data) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (loading || !data) return <LoadingState label="Loading plans…" />;

  const order = data.plans.map((plan) => plan.tier);
  return (
    <div className="stack">
      {selection.error && <ErrorAlert error={selection.error} />}
      {selection.changed && (
        <Alert tone="success">
          {selection.changed.cancelAtPeriodEnd
            ? `Your subscription ends on ${formatDay(selection.changed.currentPeriodEnd)}; you keep your plan until then.`
            : `Your subscription is now on ${selection.changed.planTier}.`}
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
              action={<PlanButton tier={plan.tier} action={action} busy={selection.pendingTier === plan.tier} onSelect={selection.select} />}
            />
          );
        })}
      </div>
    </div>
  );
}

interface PlanButtonProps {
  tier: PlanTier;
  action: PlanAction;
  busy: boolean;
  onSelect: (tier: PlanTier, action: PlanAction) => void;
}

function PlanButton({ tier, action, busy, onSelect }: PlanButtonProps) {
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
        <Button variant={action.label === 'Upgrade' ? 'primary' : 'secondary'} block busy={busy} onClick={() => onSelect(tier, action)}>
          {action.label} to {tier.charAt(0) + tier.slice(1).toLowerCase()}
        </Button>
      );
  }
}
