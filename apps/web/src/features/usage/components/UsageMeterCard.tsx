import { ButtonLink } from '../../../components/ui/Button.js';
import { Card } from '../../../components/ui/Card.js';
import { Meter } from '../../../components/ui/Meter.js';
import { ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { useUsageQuery } from '../../../gql/hooks.js';
import { formatCount, formatPeriod, readMeter } from '../../../lib/format.js';

export function UsageMeterCard() {
  const { data, loading, error, refetch } = useUsageQuery({ fetchPolicy: 'cache-and-network' });
  const meter = data?.usage.attributionRuns;

  return (
    <Card
      title="Attribution runs"
      subtitle={meter ? `Billing period ${formatPeriod(meter.periodStart, meter.periodEnd)}` : 'This billing period'}
      aria-label="Usage"
    >
      {error && !meter && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !meter && <LoadingState />}
      {meter && <UsageMeterBody used={meter.used} limit={meter.limit} remaining={meter.remaining} />}
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
        {reading.tone !== 'ok' && (
          <ButtonLink to="/pricing" size="sm">
            Increase limit
          </ButtonLink>
        )}
      </div>
    </div>
  );
}
