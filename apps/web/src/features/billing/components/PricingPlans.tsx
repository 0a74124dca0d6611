import { Button, ButtonLink } from '../../../components/ui/Button.js';
import { Alert, ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import type { PlanTier } from '../../../gql/graphql.js';
import { usePlansQuery } from '../../../gql/hooks.js';
import {
  planActionFor,
  planChangeText,
  type PlanAction,
  type PlanSelection,
  type ViewerBilling,
} from '../plan-actions.js';
import { planChangeOutcome, planNamesFrom } from '../subscription-summary.js';
import { formatDay } from '../../../lib/format.js';
import { PlanCard } from './PlanCard.js';
import { PlanChangeDialog } from './PlanChangeDialog.js';

export function PricingPlans({ viewer, selection }: { viewer: ViewerBilling | null; selection: PlanSelection }) {
  const { data, loading, error, refetch } = usePlansQuery();

  if (error && !data) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (loading || !data) return <LoadingState label="Loading plans…" />;

  const order = data.plans.map((plan) => plan.tier);
  const outcome = selection.changed ? planChangeOutcome(selection.changed, planNamesFrom(data.plans)) : null;
  return (
    <div className="stack">
      {selection.error != null && <ErrorAlert error={selection.error} />}
      {outcome && (
        <Alert tone={outcome.payUrl ? 'info' : 'success'}>
          <span className="row row--between">
            {outcome.message}
            {outcome.payUrl && (
              <a className="btn btn--primary btn--sm" href={outcome.payUrl}>
                Pay invoice
              </a>
            )}
          </span>
        </Alert>
      )}
      {viewer && <PlanChangeDialog selection={selection} plans={data.plans} currentTier={viewer.currentTier} />}
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

function PlanButton({
  tier,
  name,
  action,
  selection,
}: {
  tier: PlanTier;
  name: string;
  action: PlanAction;
  selection: PlanSelection;
}) {
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
    case 'scheduled':
      return (
        <Button variant="secondary" block disabled>
          {name} from {formatDay(action.at)}
        </Button>
      );
    case 'payment-needed':
      return (
        <ButtonLink to="/settings" variant="secondary" block>
          Payment needed: see Billing
        </ButtonLink>
      );
    default:
      return (
        <Button
          variant={action.label === 'Downgrade' ? 'secondary' : 'primary'}
          block
          busy={selection.pendingTier === tier}
          onClick={() => selection.select(tier, action)}
        >
          {planChangeText(action.label, name)}
        </Button>
      );
  }
}
