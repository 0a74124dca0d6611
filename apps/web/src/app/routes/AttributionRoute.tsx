import { PageHeader } from '../../components/ui/PageHeader.js';
import { ErrorAlert, LoadingState } from '../../components/ui/States.js';
import { TrackJourneyForm } from '../../features/attribution/components/TrackJourneyForm.js';
import { modelAvailability } from '../../features/attribution/model-catalog.js';
import { useCurrentPlanQuery, usePlansQuery } from '../../gql/hooks.js';

// Report runs, saved reports and CSV import join this page when the API has their fields
// (see apps/web/pending/README.md).
export function AttributionRoute() {
  const plan = useCurrentPlanQuery({ fetchPolicy: 'cache-and-network' });
  const plans = usePlansQuery();

  const error = plan.error ?? plans.error;
  if (error && !(plan.data && plans.data)) return <ErrorAlert error={error} />;
  if (!plan.data || !plans.data) return <LoadingState />;

  const models = modelAvailability(plan.data.plan.limits.models, plans.data.plans);

  return (
    <div className="page">
      <PageHeader
        title="Attribution"
        description={`Send journeys and see which channels earn the credit. Your ${plan.data.plan.name} plan credits touches up to ${plan.data.plan.limits.lookbackDays} days before a conversion.`}
      />
      <div id="track">
        <TrackJourneyForm models={models} />
      </div>
    </div>
  );
}
