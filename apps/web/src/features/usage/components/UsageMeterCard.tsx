import { Button } from '../../../components/ui/Button.js';
import { Card } from '../../../components/ui/Card.js';
import { Meter } from '../../../components/ui/Meter.js';
import { ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { useCurrentPlanQuery, usePlansQuery, useUsageQuery } from '../../../gql/hooks.js';
import { planAbove, useStartPlan } from '../../billing/index.js';
import { formatCount, formatPeriod, readMeter } from '../../../lib/format.js';
import { UsageHistory } from './UsageHistory.js';

export function UsageMeterCard() {
  const { data, loading, error, refetch } = useUsageQuery({ fetchPolicy: 'cache-and-network' });
  const meter = data?.usage.attributionRuns;
  const stored = data?.usage.storedJourneys;

  return (
    <Card
      title="Attribution runs"
      subtitle={meter ? `Billing period ${formatPeriod(meter.periodStart, meter.periodEnd)}` : 'This billing period'}
      aria-label="Usage"
    >
      {error && !meter && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !meter && <LoadingState />}
      {meter && <UsageMeterBody used={meter.used} limit={meter.limit} remaining={meter.remaining} />}
      {meter && <UsageHistory meter={meter} daily={meter.daily} />}
      {stored && <StoredJourneysBody used={stored.used} limit={stored.limit} />}
    </Card>
  );
}

function UsageMeterBody({ used, limit, remaining }: { used: number; limit: number; remaining: number }) {
  const reading = readMeter(used, limit);
  return (
    <div className="stack">
      <div className="row row--between">
        <span className="stat__value" data-testid="usage-label">
          {reading.label}
        </span>
        <span className="muted">{reading.percent}% used</span>
      </div>
      <Meter percent={reading.percent} tone={reading.tone} label="Attribution runs used" />
      <div className="row row--between">
        <span className="stat__hint">{formatCount(remaining)} runs remaining</span>
        {reading.tone !== 'ok' && <IncreaseLimit />}
      </div>
    </div>
  );
}

/** Straight into the checkout of the plan above the current one. */
function IncreaseLimit() {
  const tier = useCurrentPlanQuery().data?.plan.tier;
  const plans = usePlansQuery().data?.plans;
  const { start, busyTier } = useStartPlan();
  const offer = tier && plans ? planAbove(tier, plans) : null;
  if (!offer) return null;
  return (
    <Button size="sm" busy={busyTier === offer.tier} onClick={() => start(offer.tier)}>
      Increase limit with {offer.name}
    </Button>
  );
}

/** Not per period: the plan bounds what is stored at once, and deleting imports makes room. */
function StoredJourneysBody({ used, limit }: { used: number; limit: number }) {
  const reading = readMeter(used, limit);
  return (
    <section className="stack" aria-label="Stored journeys">
      <div className="row row--between">
        <span className="card__title">Stored journeys</span>
        <span className="muted" data-testid="stored-journeys-label">
          {reading.label}
        </span>
      </div>
      <Meter percent={reading.percent} tone={reading.tone} label="Stored journeys used" />
      <span className="stat__hint">
        {reading.tone === 'ok'
          ? 'Journeys and path rows your plan keeps at once; deleting an import makes room.'
          : 'Nearly full: delete imports you no longer need, or move to a larger plan.'}
      </span>
    </section>
  );
}
