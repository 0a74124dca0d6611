import { Link, Navigate, useSearchParams } from 'react-router';
import { LoadingState, OutageState } from '../../components/ui/States.js';
import { AuthCard } from '../../features/auth/components/AuthCard.js';
import { SignInForm } from '../../features/auth/components/SignInForm.js';
import { SignUpForm } from '../../features/auth/components/SignUpForm.js';
import { chosenPlanOf, safeNextPath } from '../../features/auth/hooks/useAfterSignIn.js';
import { useViewer } from '../../features/auth/hooks/useViewer.js';
import { planPriceText } from '../../features/billing/index.js';
import type { PlanTier } from '../../gql/graphql.js';
import { usePlansQuery } from '../../gql/hooks.js';
import { useDocumentTitle } from '../../lib/document-title.js';
import { isOutage } from '../../lib/outage.js';

/**
 * Signed-in visitors skip the forms; `next` and a plan picked on the pricing page (`plan`) carry over
 * between the two pages, so the choice survives switching from sign-up to sign-in.
 */
function useAuthPage(title: string) {
  useDocumentTitle(title);
  const { viewer, loading, error, refetch } = useViewer();
  const [params] = useSearchParams();
  const next = params.get('next');
  const plan = chosenPlanOf(params.get('plan'));
  const carried = new URLSearchParams();
  if (next) carried.set('next', next);
  if (plan) carried.set('plan', plan);
  const query = carried.size > 0 ? `?${carried.toString()}` : '';
  return {
    viewer,
    loading,
    // An unreachable API says nothing about the session: the forms would only fail in turn.
    outage: !viewer && isOutage(error),
    retry: () => void refetch(),
    next: plan ? `/pricing?plan=${plan}` : safeNextPath(next),
    plan,
    query,
  };
}

/** "You chose Pro — $49/month" on the card, so the choice made on the pricing page stays in view. */
function ChosenPlan({ tier }: { tier: PlanTier }) {
  const offer = usePlansQuery().data?.plans.find((plan) => plan.tier === tier);
  if (!offer) return null;
  return (
    <p className="chosen-plan" data-testid="chosen-plan">
      You chose {planPriceText(offer)}. Checkout follows right after.
    </p>
  );
}

function Outage({ onRetry }: { onRetry: () => void }) {
  return (
    <main className="auth-screen">
      <OutageState onRetry={onRetry} />
    </main>
  );
}

export function SignInRoute() {
  const { viewer, loading, outage, retry, next, plan, query } = useAuthPage('Sign in');
  if (outage) return <Outage onRetry={retry} />;
  if (loading) return <LoadingState />;
  if (viewer) return <Navigate to={next} replace />;
  return (
    <AuthCard
      title="Sign in"
      subtitle="Welcome back."
      footer={
        <>
          New here? <Link to={`/signup${query}`}>Create an account</Link>
        </>
      }
    >
      {plan && <ChosenPlan tier={plan} />}
      <SignInForm />
    </AuthCard>
  );
}

export function SignUpRoute() {
  const { viewer, loading, outage, retry, next, plan, query } = useAuthPage('Create your account');
  if (outage) return <Outage onRetry={retry} />;
  if (loading) return <LoadingState />;
  if (viewer) return <Navigate to={next} replace />;
  return (
    <AuthCard
      title="Create your account"
      subtitle={
        plan
          ? 'Create your account, then pay in Stripe Checkout.'
          : 'Start free: 500 attribution runs every month, no card needed.'
      }
      footer={
        <>
          Already have an account? <Link to={`/signin${query}`}>Sign in</Link>
        </>
      }
    >
      {plan && <ChosenPlan tier={plan} />}
      <SignUpForm />
    </AuthCard>
  );
}
