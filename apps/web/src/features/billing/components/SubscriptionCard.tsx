import { useSearchParams } from 'react-router';
import { Badge } from '../../../components/ui/Badge.js';
import { Button, ButtonLink } from '../../../components/ui/Button.js';
import { Card } from '../../../components/ui/Card.js';
import { EmptyState, ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import type { BillingAccountQuery, BillingSubscriptionFieldsFragment } from '../../../gql/graphql.js';
import {
  useBillingAccountQuery,
  useCreateCheckoutSessionMutation,
  useResumeSubscriptionMutation,
  useUndoScheduledPlanChangeMutation,
} from '../../../gql/hooks.js';
import { usePlanNames } from '../hooks/usePlanNames.js';
import { BILLING_QUERIES } from '../hooks/usePlanSelection.js';
import { usePortal } from '../hooks/usePortal.js';
import { summarizeSubscription, type PlanNameOf } from '../subscription-summary.js';
import { PortalRequest } from './PortalRequest.js';

/** `?billing=portal`: the link billing mails carry (a portal session made then would have expired). */
const PORTAL_PARAM = 'billing';

export function SubscriptionCard() {
  const { data, loading, error, refetch } = useBillingAccountQuery({ fetchPolicy: 'cache-and-network' });
  const nameOf = usePlanNames();
  const portal = usePortal();
  const [params, setParams] = useSearchParams();
  const account = data?.billingAccount;
  const portalRequested = params.get(PORTAL_PARAM) === 'portal';

  function openPortal() {
    // Leave /settings (not the mail's URL) in history, so Back from the portal does not ask again.
    void portal.open(() => setParams((current) => (current.delete(PORTAL_PARAM), current), { replace: true }));
  }

  return (
    <Card
      title="Billing"
      subtitle="Your subscription, invoices and payment method"
      aria-label="Billing"
      actions={
        account?.hasCustomer ? (
          <Button variant="secondary" size="sm" busy={portal.busy} onClick={openPortal}>
            Manage billing
          </Button>
        ) : undefined
      }
    >
      {portalRequested && account && (
        <PortalRequest hasCustomer={account.hasCustomer} busy={portal.busy} onOpen={openPortal} />
      )}
      {portal.error != null && <ErrorAlert error={portal.error} />}
      {error && !data && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !data && <LoadingState />}
      {account && !account.subscription && (
        <EmptyState
          title={`You are on the ${nameOf('FREE')} plan`}
          action={
            <ButtonLink to="/pricing" size="sm">
              See plans
            </ButtonLink>
          }
        >
          No subscription and nothing to pay. Upgrade for more runs, models and a longer lookback.
        </EmptyState>
      )}
      {account?.subscription && (
        <SubscriptionDetails account={account} subscription={account.subscription} nameOf={nameOf} />
      )}
    </Card>
  );
}

function SubscriptionDetails({
  account,
  subscription,
  nameOf,
}: {
  account: BillingAccountQuery['billingAccount'];
  subscription: BillingSubscriptionFieldsFragment;
  nameOf: PlanNameOf;
}) {
  const summary = summarizeSubscription(subscription, nameOf);
  const [undo, undoing] = useUndoScheduledPlanChangeMutation({
    refetchQueries: BILLING_QUERIES,
    awaitRefetchQueries: true,
  });
  const [resume, resuming] = useResumeSubscriptionMutation({
    refetchQueries: BILLING_QUERIES,
    awaitRefetchQueries: true,
  });
  const [checkout, checkingOut] = useCreateCheckoutSessionMutation();
  const failure = undoing.error ?? resuming.error ?? checkingOut.error;

  async function resubscribe() {
    const result = await checkout({ variables: { planTier: subscription.planTier } }).catch(() => null);
    const url = result?.data?.createCheckoutSession.url;
    if (url) window.location.assign(url);
  }

  return (
    <div className="stack">
      <div className={`billing-status billing-status--${summary.tone}`} data-testid="billing-status">
        <div className="row">
          <h3 className="billing-status__headline">{summary.headline}</h3>
          <Badge tone={summary.statusTone}>{summary.status}</Badge>
        </div>
        <p className="billing-status__detail">{summary.detail}</p>
        <div className="row">
          {summary.payUrl && (
            <a className="btn btn--primary btn--sm" href={summary.payUrl}>
              Pay invoice
            </a>
          )}
          {summary.canUndoScheduledChange && (
            <Button variant="secondary" size="sm" busy={undoing.loading} onClick={() => void undo().catch(() => null)}>
              Undo
            </Button>
          )}
          {summary.canResume && (
            <Button
              variant="secondary"
              size="sm"
              busy={resuming.loading}
              onClick={() => void resume().catch(() => null)}
            >
              Resume
            </Button>
          )}
          {account.canCheckout && (
            <Button size="sm" busy={checkingOut.loading || checkingOut.data != null} onClick={() => void resubscribe()}>
              Resubscribe to {nameOf(subscription.planTier)}
            </Button>
          )}
          {account.canCheckout && (
            <ButtonLink to="/pricing" variant="secondary" size="sm">
              See plans
            </ButtonLink>
          )}
        </div>
      </div>
      {failure && <ErrorAlert error={failure} />}
      <dl className="grid grid--3 facts">
        <div>
          <dt className="stat__label">Plan</dt>
          <dd>{nameOf(subscription.planTier)}</dd>
        </div>
        <div>
          <dt className="stat__label">Status</dt>
          <dd>{summary.status}</dd>
        </div>
        {summary.date && (
          <div>
            <dt className="stat__label">{summary.dateLabel}</dt>
            <dd>{summary.date}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
