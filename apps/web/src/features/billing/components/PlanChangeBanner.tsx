import { Link } from 'react-router';
import { Button } from '../../../components/ui/Button.js';
import { ErrorAlert } from '../../../components/ui/States.js';
import {
  useBillingAccountQuery,
  useResumeSubscriptionMutation,
  useUndoScheduledPlanChangeMutation,
} from '../../../gql/hooks.js';
import { usePlanNames } from '../hooks/usePlanNames.js';
import { BILLING_QUERIES } from '../hooks/usePlanSelection.js';
import { summarizeSubscription } from '../subscription-summary.js';

/** A scheduled downgrade or cancellation, on every page that shows the plan, with the one click that takes it back. */
export function PlanChangeBanner() {
  const subscription = useBillingAccountQuery({ fetchPolicy: 'cache-and-network' }).data?.billingAccount.subscription;
  const nameOf = usePlanNames();
  const options = { refetchQueries: BILLING_QUERIES, awaitRefetchQueries: true };
  const [undo, undoing] = useUndoScheduledPlanChangeMutation(options);
  const [resume, resuming] = useResumeSubscriptionMutation(options);
  if (!subscription || subscription.access !== 'PAID') return null;
  const summary = summarizeSubscription(subscription, nameOf);
  if (!summary.canUndoScheduledChange && !summary.canResume) return null;
  const failure = undoing.error ?? resuming.error;

  return (
    <div className="alert alert--info" role="status" data-testid="plan-change-banner">
      <div className="row row--between">
        <p>
          <strong>{summary.headline}.</strong> {summary.detail} <Link to="/settings">See billing</Link>
        </p>
        {summary.canUndoScheduledChange ? (
          <Button size="sm" busy={undoing.loading} onClick={() => void undo().catch(() => null)}>
            Undo
          </Button>
        ) : (
          <Button size="sm" busy={resuming.loading} onClick={() => void resume().catch(() => null)}>
            Resume
          </Button>
        )}
      </div>
      {failure && <ErrorAlert error={failure} />}
    </div>
  );
}
