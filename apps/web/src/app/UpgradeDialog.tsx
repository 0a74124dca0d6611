import { useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../components/ui/Button.js';
import { Dialog } from '../components/ui/Dialog.js';
import { formatCount } from '../lib/format.js';
import { upgradePrompt } from '../lib/upgrade-prompt.js';

/** Opened by the Apollo error link whenever the API answers PLAN_LIMIT_EXCEEDED or FEATURE_NOT_IN_PLAN. */
export function UpgradeDialog() {
  const details = useSyncExternalStore(upgradePrompt.subscribe, upgradePrompt.snapshot);
  const navigate = useNavigate();
  const overLimit = details?.code === 'PLAN_LIMIT_EXCEEDED';

  function upgrade() {
    const target = details?.upgradeUrl ?? '/pricing';
    upgradePrompt.dismiss();
    void navigate(target);
  }

  return (
    <Dialog
      open={details !== null}
      onClose={upgradePrompt.dismiss}
      title={overLimit ? 'You have reached your plan’s limit' : 'Not included in your plan'}
    >
      <p>{details?.message}</p>
      {overLimit && details?.used != null && details.limit != null && (
        <p className="muted">
          {formatCount(details.used)} of {formatCount(details.limit)} attribution runs used this period
          {details.plan ? ` on ${details.plan}` : ''}.
        </p>
      )}
      <div className="row row--end">
        <Button variant="secondary" onClick={upgradePrompt.dismiss}>
          Not now
        </Button>
        <Button onClick={upgrade}>See plans & upgrade</Button>
      </div>
    </Dialog>
  );
}
