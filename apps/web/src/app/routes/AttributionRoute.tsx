import { useState } from 'react';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { ErrorAlert, LoadingState } from '../../components/ui/States.js';
import { CreditsTables } from '../../features/attribution/components/CreditsTable.js';
import { ImportJourneysForm } from '../../features/attribution/components/ImportJourneysForm.js';
import { ReportsList } from '../../features/attribution/components/ReportsList.js';
import { RunAttributionForm } from '../../features/attribution/components/RunAttributionForm.js';
import { TrackJourneyForm } from '../../features/attribution/components/TrackJourneyForm.js';
import { modelAvailability } from '../../features/attribution/model-catalog.js';
import type { AttributionReportFieldsFragment } from '../../gql/graphql.js';
import { useCurrentPlanQuery, usePlansQuery } from '../../gql/hooks.js';
import { formatDateTime } from '../../lib/format.js';

export function AttributionRoute() {
  const plan = useCurrentPlanQuery({ fetchPolicy: 'cache-and-network' });
  const plans = usePlansQuery();
  const [report, setReport] = useState<AttributionReportFieldsFragment | null>(null);

  const error = plan.error ?? plans.error;
  if (error && !(plan.data && plans.data)) return <ErrorAlert error={error} />;
  if (!plan.data || !plans.data) return <LoadingState />;

  const limits = plan.data.plan.limits;
  const models = modelAvailability(limits.models, plans.data.plans);

  return (
    <div className="page">
      <PageHeader title="Attribution" description="Send journeys, then see which channels earn the credit under each model." />
      <RunAttributionForm models={models} maxLookbackDays={limits.lookbackDays} onReport={setReport} />
      {report && (
        <section className="stack" aria-label="Report results">
          <h2 className="card__title">Report of {formatDateTime(report.createdAt)}</h2>
          <CreditsTables credits={report.credits} />
        </section>
      )}
      <ReportsList exportsAllowed={limits.exports} onOpen={setReport} />
      <ImportJourneysForm />
      <div id="track">
        <TrackJourneyForm />
      </div>
    </div>
  );
}
