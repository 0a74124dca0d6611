import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { Alert, LoadingState } from '../../components/ui/States.js';
import { chosenPlanOf } from '../../features/auth/hooks/useAfterSignIn.js';
import { useViewer } from '../../features/auth/hooks/useViewer.js';
import { PricingPlans } from '../../features/billing/components/PricingPlans.js';
import { usePlanSelection } from '../../features/billing/hooks/usePlanSelection.js';
import { viewerBillingOf, type ViewerBilling } from '../../features/billing/plan-actions.js';
import { useBillingAccountQuery, useCurrentPlanQuery } from '../../gql/hooks.js';

export function PricingRoute() {
  const { viewer, loading } = useViewer();
  const signedIn = viewer !== null;
  const plan = useCurrentPlanQuery({ skip: !signedIn, fetchPolicy: 'cache-and-network' });
  const account = useBillingAccountQuery({ skip: !signedIn, fetchPolicy: 'cache-and-network' });
  const selection = usePlanSelection();
  const [params, setParams] = useSearchParams();
  const picked = chosenPlanOf(params.get('plan'));
  const pickedHandled = useCallback(() => setParams({}, { replace: true }), [setParams]);

  const billing: ViewerBilling | null =
    signedIn && plan.data && account.data ? viewerBillingOf(plan.data.plan.tier, account.data.billingAccount) : null;
  const paymentNeeded = billing !== null && !billing.canCheckout && !billing.canChangePlan;

  return (
    <div className="page">
      <PageHeader
        title="Plans & pricing"
        description="Every plan includes the GraphQL API, journey tracking and saved reports. Change or cancel any time."
      />
      {paymentNeeded && (
        <Alert tone="info">
          Your subscription has a payment outstanding: pay it in <Link to="/settings">Settings → Billing</Link> before
          changing plans.
        </Alert>
      )}
      {loading || (signedIn && !billing) ? (
        <LoadingState label="Loading your plan…" />
      ) : (
        <PricingPlans viewer={billing} selection={selection} picked={picked} onPickedHandled={pickedHandled} />
      )}
    </div>
  );
}
