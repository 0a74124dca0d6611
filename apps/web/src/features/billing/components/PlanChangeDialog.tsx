import { Button } from '../../../components/ui/Button.js';
import { Dialog } from '../../../components/ui/Dialog.js';
import { ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import type { PlanChangePreviewQuery, PlanFieldsFragment } from '../../../gql/graphql.js';
import { usePlanChangePreviewQuery } from '../../../gql/hooks.js';
import { formatDay } from '../../../lib/format.js';
import { formatAmount } from '../money.js';
import { planChangeText, type PlanSelection } from '../plan-actions.js';
import { PlanFeatures } from './PlanFeatures.js';

type Preview = PlanChangePreviewQuery['planChangePreview'];

/** Stripe's preview of the chosen change (what is charged today, from when, the new limits), confirmed before it runs. */
export function PlanChangeDialog({
  selection,
  plans,
  currentTier,
}: {
  selection: PlanSelection;
  plans: readonly PlanFieldsFragment[];
  currentTier: PlanFieldsFragment['tier'];
}) {
  const confirming = selection.confirming;
  const { data, loading, error } = usePlanChangePreviewQuery({
    variables: { planTier: confirming?.tier ?? 'FREE' },
    skip: !confirming,
    // A preview is priced at this moment: never one from an earlier opening of the dialog.
    fetchPolicy: 'network-only',
  });
  const plan = plans.find((offer) => offer.tier === confirming?.tier);
  const current = plans.find((offer) => offer.tier === currentTier);
  const preview = data?.planChangePreview.planTier === confirming?.tier ? data?.planChangePreview : undefined;
  const title = confirming && plan ? planChangeText(confirming.label, plan.name) : 'Change plan';

  return (
    <Dialog open={confirming !== null} onClose={selection.dismiss} title={title}>
      <div className="stack" data-testid="plan-change-preview">
        {loading && !preview && <LoadingState label="Asking Stripe for the price…" />}
        {error && <ErrorAlert error={error} />}
        {preview && plan && current && <PreviewFacts preview={preview} plan={plan} current={current} />}
        <div className="row row--end">
          <Button variant="secondary" onClick={selection.dismiss}>
            Back
          </Button>
          <Button
            disabled={!preview}
            busy={selection.confirmBusy}
            onClick={() => void selection.confirm()}
            data-testid="confirm-plan-change"
          >
            {preview?.amountDueToday
              ? `Pay ${formatAmount(preview.amountDueToday, preview.currency)} and upgrade`
              : 'Confirm'}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

function PreviewFacts({
  preview,
  plan,
  current,
}: {
  preview: Preview;
  plan: PlanFieldsFragment;
  current: PlanFieldsFragment;
}) {
  const when = formatDay(preview.effectiveAt);
  const next =
    preview.nextInvoiceAmount != null && preview.nextInvoiceAt
      ? `then ${formatAmount(preview.nextInvoiceAmount, preview.currency)} on ${formatDay(preview.nextInvoiceAt)}`
      : null;
  const facts: Record<Preview['kind'], string> = {
    UPGRADE: `${plan.name} applies as soon as this prorated charge is paid, today (${when}); ${next ?? ''}.`,
    DOWNGRADE: `You keep ${current.name} until ${when}. ${plan.name} applies from then, ${next ?? ''}.`,
    CANCEL: `You keep ${current.name} until ${when}. Your organization then moves to the ${plan.name} plan and nothing more is charged.`,
    KEEP: `Your ${plan.name} subscription renews on ${when}${preview.nextInvoiceAmount != null ? ` at ${formatAmount(preview.nextInvoiceAmount, preview.currency)}` : ''}.`,
  };
  return (
    <>
      <dl className="facts grid grid--2">
        <div>
          <dt className="stat__label">Charged today</dt>
          <dd className="stat__value" data-testid="preview-amount">
            {formatAmount(preview.amountDueToday, preview.currency)}
          </dd>
        </div>
        <div>
          <dt className="stat__label">
            {preview.kind === 'UPGRADE' || preview.kind === 'KEEP' ? 'From' : 'Takes effect'}
          </dt>
          <dd data-testid="preview-effective">{preview.kind === 'UPGRADE' ? 'Today' : when}</dd>
        </div>
      </dl>
      <p>{facts[preview.kind]}</p>
      {preview.kind === 'UPGRADE' && preview.lines.length > 0 && (
        <ul className="muted" aria-label="Invoice lines">
          {preview.lines.map((line, index) => (
            <li key={index}>
              {line.description}: {formatAmount(line.amount, preview.currency)}
            </li>
          ))}
        </ul>
      )}
      {preview.kind !== 'KEEP' && (
        <div>
          <h3 className="stat__label">{plan.name} limits</h3>
          <PlanFeatures limits={plan.limits} />
        </div>
      )}
    </>
  );
}
