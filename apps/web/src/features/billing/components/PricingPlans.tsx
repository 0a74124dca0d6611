import { useEffect, useRef } from 'react';
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

export function PricingPlans({
  viewer,
  selection,
  picked = null,
  onPickedHandled,
}: {
  viewer: ViewerBilling | null;
  selection: PlanSelection;
  /** A plan chosen elsewhere (`/pricing?plan=PRO` from an upsell or sign-up): its checkout or preview opens once. */
  picked?: PlanTier | null;
  onPickedHandled?: () => void;
}) {
  const { data, loading, error, refetch } = usePlansQuery();
  const started = useRef(false);
  useEffect(() => {
    if (!picked || !viewer || !data || started.current) return;
    started.current = true;
    const action = planActionFor(
      picked,
      viewer,
      data.plans.map((plan) => plan.tier),
    );
    if (action.kind === 'checkout' || action.kind === 'change-plan') selection.select(picked, action);
    onPickedHandled?.();
  }, [picked, viewer, data, selection, onPickedHandled]);

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
      // A paid plan chosen here is carried through sign-up (or sign-in) straight into its checkout.
      return tier === 'FREE' ? (
        <ButtonLink to="/signup" block>
          Get started
        </ButtonLink>
      ) : (
        <ButtonLink to={`/signup?plan=${tier}`} block>
          Choose {name}
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
