import { Link, Navigate, useSearchParams } from 'react-router';
import { LoadingState } from '../../components/ui/States.js';
import { AuthCard } from '../../features/auth/components/AuthCard.js';
import { SignInForm } from '../../features/auth/components/SignInForm.js';
import { SignUpForm } from '../../features/auth/components/SignUpForm.js';
import { safeNextPath } from '../../features/auth/hooks/useAfterSignIn.js';
import { useViewer } from '../../features/auth/hooks/useViewer.js';

/** Signed-in visitors skip the forms; the `next` parameter carries over between the two pages. */
function useAuthPage() {
  const { viewer, loading } = useViewer();
  const [params] = useSearchParams();
  const next = params.get('next');
  return { viewer, loading, next: safeNextPath(next), query: next ? `?next=${encodeURIComponent(next)}` : '' };
}

export function SignInRoute() {
  const { viewer, loading, next, query } = useAuthPage();
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
  const { viewer, loading, next, query } = useAuthPage();
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
