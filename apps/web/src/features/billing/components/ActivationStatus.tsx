import { ButtonLink } from '../../../components/ui/Button.js';
import { Card } from '../../../components/ui/Card.js';
import { ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { useActivation } from '../hooks/useActivation.js';
import { PlanFeatures } from './PlanFeatures.js';

export function ActivationStatus() {
  const { state, plan, error } = useActivation();

  if (state === 'active' && plan) {
    return (
      <Card
        title={`Welcome to ${plan.name}`}
        subtitle="Your plan is active. New limits apply right away."
        aria-label="Plan activated"
        highlight
      >
        <PlanFeatures limits={plan.limits} />
        <div className="row">
          <ButtonLink to="/">Go to dashboard</ButtonLink>
          <ButtonLink to="/attribution" variant="secondary">
            Run attribution
          </ButtonLink>
        </div>
      </Card>
    );
  }

  return (
    <Card title="Payment received" subtitle="Activating your plan…" aria-label="Activating plan">
      {error && <ErrorAlert error={error} />}
      {state === 'waiting' && (
        <LoadingState label="Waiting for confirmation from Stripe. This usually takes a few seconds." />
      )}
      {state === 'slow' && (
        <p className="muted">
          This is taking longer than usual. Your payment is safe: the plan activates as soon as Stripe confirms it. You
          can leave this page and check <a href="/settings">Settings → Billing</a> later.
        </p>
      )}
    </Card>
  );
}
