import { PageHeader } from '../../components/ui/PageHeader.js';
import { LoadingState } from '../../components/ui/States.js';
import { useViewer } from '../../features/auth/hooks/useViewer.js';
import { PricingPlans } from '../../features/billing/components/PricingPlans.js';
import { usePlanSelection } from '../../features/billing/hooks/usePlanSelection.js';
import { isLiveSubscription, type ViewerBilling } from '../../features/billing/plan-actions.js';
import { useCurrentPlanQuery, useCurrentSubscriptionQuery } from '../../gql/hooks.js';

export function PricingRoute() {
  const { viewer } = useViewer();
  const signedIn = viewer !== null;
  const plan = useCurrentPlanQuery({ skip: !signedIn, fetchPolicy: 'cache-and-network' });
  const subscription = useCurrentSubscriptionQuery({ skip: !signedIn, fetchPolicy: 'cache-and-network' });
  const selection = usePlanSelection();

  const billing: ViewerBilling | null =
    signedIn && plan.data
      ? { currentTier: plan.data.plan.tier, subscribed: isLiveSubscription(subscription.data?.subscription?.status) }
      : null;

  return (
    <div className="page">
      <PageHeader title="Plans & pricing" description="Every plan includes the GraphQL API, journey tracking and saved reports. Change or cancel any time." />
      {signedIn && !billing ? <LoadingState label="Loading your plan…" /> : <PricingPlans viewer={billing} selection={selection} />}
    </div>
  );
}
