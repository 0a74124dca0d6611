import { useState } from 'react';
import { Button } from '../../../components/ui/Button.js';
import { planAbove, useStartPlan } from '../../billing/index.js';
import { useCurrentPlanQuery, usePlansQuery, useUsageQuery } from '../../../gql/hooks.js';
import { bannerLevelOf, bannerText } from '../usage-pace.js';

const DISMISSED_KEY = 'aa.usage-banner.dismissed';

function dismissedFor(periodStart: string): boolean {
  try {
    return sessionStorage.getItem(DISMISSED_KEY) === periodStart;
  } catch {
    return false;
  }
}

/**
 * On every signed-in page: from 80% of the period's attribution runs a warning (dismissible for the
 * browser session), at 100% an alert that stays; both say when the runs reset and offer the next plan.
 */
export function UsageBanner() {
  const usage = useUsageQuery();
  const meter = usage.data?.usage.attributionRuns;
  const level = meter ? bannerLevelOf(meter) : null;
  const plan = useCurrentPlanQuery({ skip: level === null });
  const plans = usePlansQuery({ skip: level === null });
  const [dismissed, setDismissed] = useState<string | null>(null);
  const { start, busyTier } = useStartPlan();

  if (!meter || !level) return null;
  if (level === 'warning' && (dismissed === meter.periodStart || dismissedFor(meter.periodStart))) return null;
  const tier = plan.data?.plan.tier;
  const offer = tier && plans.data ? planAbove(tier, plans.data.plans) : null;

  function dismiss() {
    if (!meter) return;
    try {
      sessionStorage.setItem(DISMISSED_KEY, meter.periodStart);
    } catch {
      // Without storage it stays dismissed until the page reloads.
    }
    setDismissed(meter.periodStart);
  }

  const exhausted = level === 'exhausted';
  return (
    <div
      className={exhausted ? 'usage-banner usage-banner--exhausted' : 'usage-banner'}
      role={exhausted ? 'alert' : 'status'}
      data-testid="usage-banner"
    >
      <p className="usage-banner__text">{bannerText(level, meter)}</p>
      <div className="usage-banner__actions">
        {offer && (
          <Button size="sm" busy={busyTier === offer.tier} onClick={() => start(offer.tier)}>
            Upgrade to {offer.name}
          </Button>
        )}
        {!exhausted && (
          <Button size="sm" variant="ghost" onClick={dismiss}>
            Dismiss
          </Button>
        )}
      </div>
    </div>
  );
}
