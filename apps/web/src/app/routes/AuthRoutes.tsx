import { Link, Navigate, useSearchParams } from 'react-router';
import { LoadingState, OutageState } from '../../components/ui/States.js';
import { AuthCard } from '../../features/auth/components/AuthCard.js';
import { SignInForm } from '../../features/auth/components/SignInForm.js';
import { SignUpForm } from '../../features/auth/components/SignUpForm.js';
import { safeNextPath } from '../../features/auth/hooks/useAfterSignIn.js';
import { useViewer } from '../../features/auth/hooks/useViewer.js';
import { useDocumentTitle } from '../../lib/document-title.js';
import { isOutage } from '../../lib/outage.js';

/** Signed-in visitors skip the forms; the `next` parameter carries over between the two pages. */
function useAuthPage(title: string) {
  useDocumentTitle(title);
  const { viewer, loading, error, refetch } = useViewer();
  const [params] = useSearchParams();
  const next = params.get('next');
  return {
    viewer,
    loading,
    // An unreachable API says nothing about the session: the forms would only fail in turn.
    outage: !viewer && isOutage(error),
    retry: () => void refetch(),
    next: safeNextPath(next),
    query: next ? `?next=${encodeURIComponent(next)}` : '',
  };
}

function Outage({ onRetry }: { onRetry: () => void }) {
  return (
    <main className="auth-screen">
      <OutageState onRetry={onRetry} />
    </main>
  );
}

export function SignInRoute() {
  const { viewer, loading, outage, retry, next, query } = useAuthPage('Sign in');
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
      <SignInForm />
    </AuthCard>
  );
}

export function SignUpRoute() {
  const { viewer, loading, outage, retry, next, query } = useAuthPage('Create your account');
  if (outage) return <Outage onRetry={retry} />;
  if (loading) return <LoadingState />;
  if (viewer) return <Navigate to={next} replace />;
  return (
    <AuthCard
      title="Create your account"
      subtitle="Start free: 500 attribution runs every month, no card needed."
      footer={
        <>
          Already have an account? <Link to={`/signin${query}`}>Sign in</Link>
        </>
      }
    >
      <SignUpForm />
    </AuthCard>
  );
}
