import { useEffect, useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/ui/PageHeader.js';
import { ErrorAlert, LoadingState } from '../../components/ui/States.js';
import { OpenReport } from '../../features/attribution/comparison/OpenReport.js';
import { ImportJourneysForm } from '../../features/attribution/components/ImportJourneysForm.js';
import { ReportsList } from '../../features/attribution/components/ReportsList.js';
import { RunAttributionForm } from '../../features/attribution/components/RunAttributionForm.js';
import { TrackJourneyForm } from '../../features/attribution/components/TrackJourneyForm.js';
import { modelAvailability } from '../../features/attribution/model-catalog.js';
import { useCurrentPlanQuery, usePlansQuery } from '../../gql/hooks.js';

export function AttributionRoute() {
  const plan = useCurrentPlanQuery({ fetchPolicy: 'cache-and-network' });
  const plans = usePlansQuery();
  const navigate = useNavigate();
  const { id: reportId } = useParams();
  const resultsRef = useRef<HTMLElement>(null);

  // A report opened by its address, just run or picked from the list appears above the list: bring it into view.
  useEffect(() => {
    if (reportId) resultsRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [reportId]);
  // A report run or picked from the list opens at its own address, so it can be shared and reopened.
  const openReport = ({ id }: { id: string }) => void navigate(`/attribution/reports/${id}`);

  const error = plan.error ?? plans.error;
  if (error && !(plan.data && plans.data)) return <ErrorAlert error={error} />;
  if (!plan.data || !plans.data) return <LoadingState />;

  const { limits, name } = plan.data.plan;
  const models = modelAvailability(limits.models, plans.data.plans);
  // Plans come cheapest first: the first with exports is the one to upgrade to.
  const exportsPlan = plans.data.plans.find((offer) => offer.limits.exports)?.name ?? null;

  return (
    <div className="page">
      <PageHeader
        title="Attribution"
        description={`Import or track journeys, then see which channels earn the credit. Your ${name} plan looks back up to ${limits.lookbackDays} days before a conversion.`}
      />
      <RunAttributionForm models={models} maxLookbackDays={limits.lookbackDays} onReport={openReport} />
      {reportId && (
        <section className="stack" aria-label="Report results" ref={resultsRef}>
          <OpenReport id={reportId} />
        </section>
      )}
      <ReportsList exportsAllowed={limits.exports} exportsPlan={exportsPlan} onOpen={openReport} />
      <div className="grid grid--2">
        <ImportJourneysForm />
        <section className="card" aria-label="CSV formats">
          <h2 className="card__title">CSV formats</h2>
          <p className="muted">Aggregated paths, as ChannelAttribution writes them:</p>
          <pre className="mail__body">
            {'path;total_conversions;total_conversion_value;total_null\nSEO > Email > Direct;12;1450.5;40'}
          </pre>
          <p className="muted">or one row per touch, with timestamps, for time-based models.</p>
        </section>
      </div>
      <div id="track">
        <TrackJourneyForm models={models} />
      </div>
    </div>
  );
}
