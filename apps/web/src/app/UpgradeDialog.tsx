import { useEffect, useSyncExternalStore } from 'react';
import { useLocation } from 'react-router';
import { Button } from '../components/ui/Button.js';
import { Dialog } from '../components/ui/Dialog.js';
import { ErrorAlert } from '../components/ui/States.js';
import { planPriceText, useStartPlan } from '../features/billing/index.js';
import { usePlansQuery, useUsageQuery } from '../gql/hooks.js';
import { upgradePrompt, type UpgradeRequest } from '../lib/upgrade-prompt.js';
import { upgradeCopy, type UpgradeCopy } from './upgrade-copy.js';

/**
 * The one upsell: opened by the Apollo error link (PLAN_LIMIT_EXCEEDED, FEATURE_NOT_IN_PLAN) and by
 * every locked control. It names what is missing and the plan that brings it, and its button starts
 * that plan's checkout; closing it returns focus to what opened it (Dialog).
 */
export function UpgradeDialog() {
  const request = useSyncExternalStore(upgradePrompt.subscribe, upgradePrompt.snapshot);
  // Leaving the page (to the pricing page with the plan picked, say) closes the dialog.
  const { pathname } = useLocation();
  useEffect(() => upgradePrompt.dismiss(), [pathname]);
  const open = request !== null;
  const plans = usePlansQuery({ skip: !open });
  const overLimit = request?.source === 'api' && request.details.code === 'PLAN_LIMIT_EXCEEDED';
  // The reset date is the period's end, which the usage meter knows (the error does not carry it);
  // fetched afresh, which also brings the usage banner up to date.
  const usage = useUsageQuery({ skip: !overLimit, fetchPolicy: 'cache-and-network' });
  const copy =
    request && plans.data
      ? upgradeCopy(request, plans.data.plans, usage.data?.usage.attributionRuns.periodEnd ?? null)
      : null;

  return (
    <Dialog open={open} onClose={upgradePrompt.dismiss} title={copy?.title ?? titleWhileLoading(request)}>
      {copy ? <UpgradeBody copy={copy} /> : <p className="muted">Loading plans…</p>}
    </Dialog>
  );
}

function titleWhileLoading(request: UpgradeRequest | null): string {
  if (request?.source === 'api' && request.details.code === 'PLAN_LIMIT_EXCEEDED') return 'You have reached a limit';
  return 'Not included in your plan';
}

function UpgradeBody({ copy }: { copy: UpgradeCopy }) {
  const { start, busyTier, error } = useStartPlan();
  const { offer } = copy;
  return (
    <div className="stack">
      {error != null && <ErrorAlert error={error} />}
      {copy.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {offer && (
        <section className="upsell-offer" aria-label={`${offer.name} plan`}>
          <div className="row row--between">
            <strong>{offer.name}</strong>
            <span>{planPriceText(offer).split(' — ')[1]}</span>
          </div>
          <p className="muted">{copy.offerLimits}</p>
        </section>
      )}
      <div className="row row--end">
        <Button variant="secondary" onClick={upgradePrompt.dismiss}>
          Not now
        </Button>
        {offer && (
          <Button busy={busyTier === offer.tier} onClick={() => start(offer.tier)}>
            Upgrade to {offer.name}
          </Button>
        )}
      </div>
    </div>
  );
}
